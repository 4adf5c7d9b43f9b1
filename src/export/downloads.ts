// Saving what the user exports: text files and a picture of the map with the selected feature's
// caption (image-caption.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ParkFeature } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { MapTheme } from '../map/theme.js';
import { imageCaption, type ImageCaption } from './image-caption.js';
import { imageFooter, metresPerPixel, type ImageFooter } from './image-footer.js';

/** The band below the map on the picture, in CSS pixels (scaled by the pixel ratio). */
export const FOOTER_HEIGHT = 56;
const FONT = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Offers text as a file download (no network request: a blob URL on a temporary link). */
export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the link; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The picture the export button saves: the map, the selected feature's caption over it, and below
 * it the scale, north, the legend of what is shown, the title, the date and the sources.
 */
export function mapPicture(
  map: MapLibreMap,
  options: {
    lang: Lang;
    selected: ParkFeature | undefined;
    shown: readonly ParkFeature[];
    theme: MapTheme;
  },
): Promise<Blob> {
  const { lang, selected, shown, theme } = options;
  const credit = map.getContainer().querySelector('.park-map-context-credit')?.textContent;
  const footer = imageFooter({
    lang,
    title: t(lang, 'mapLabel'),
    shown,
    colours: { ...theme.status, none: theme.noStatus },
    metresPerPixel: metresPerPixel(map.getCenter().lat, map.getZoom()),
    maxPixels: Math.min(120, map.getCanvas().clientWidth / 5),
    bearing: map.getBearing(),
    today: new Date().toISOString().slice(0, 10),
    ...(credit ? { credits: credit } : {}),
  });
  return mapImage(map, selected ? imageCaption(selected, lang) : null, footer);
}

/**
 * Draws the map as it is now, plus the caption in a box at the top left, into a PNG.
 * WebGL keeps no drawing buffer between frames, so the copy happens inside the next render.
 */
export function mapImage(
  map: MapLibreMap,
  panel: ImageCaption | null,
  footer?: ImageFooter,
): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const scale = source.width / source.clientWidth || 1;
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height + (footer ? Math.round(FOOTER_HEIGHT * scale) : 0);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no 2D canvas'));
        return;
      }
      context.drawImage(source, 0, 0);
      drawNames(context, map, scale);
      if (panel) drawPanel(context, panel, scale);
      if (footer) drawFooter(context, footer, scale, source.height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))),
        'image/png',
      );
    });
    map.triggerRepaint();
  });
}

function drawPanel(context: CanvasRenderingContext2D, panel: ImageCaption, scale: number): void {
  const font = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
  const padding = 12 * scale;
  const lineHeight = 20 * scale;
  context.font = `600 ${16 * scale}px ${font}`;
  const titleWidth = context.measureText(panel.title).width;
  context.font = `${13 * scale}px ${font}`;
  const width =
    Math.max(titleWidth, ...panel.lines.map((line) => context.measureText(line).width)) +
    2 * padding;
  const height = padding * 2 + lineHeight * (panel.lines.length + 1);
  context.fillStyle = 'rgba(255, 255, 255, 0.95)';
  context.fillRect(10 * scale, 10 * scale, width, height);
  context.strokeStyle = 'rgba(0, 0, 0, 0.3)';
  context.strokeRect(10 * scale, 10 * scale, width, height);
  context.fillStyle = '#1f1f1f';
  context.textBaseline = 'top';
  context.font = `600 ${16 * scale}px ${font}`;
  context.fillText(panel.title, 10 * scale + padding, 10 * scale + padding);
  context.font = `${13 * scale}px ${font}`;
  panel.lines.forEach((line, index) =>
    context.fillText(line, 10 * scale + padding, 10 * scale + padding + lineHeight * (index + 1)),
  );
}

/**
 * The band below the map: the scale bar, the north arrow and the legend on the first line; the
 * title and the credits (date, sources) on the second.
 */
function drawFooter(
  context: CanvasRenderingContext2D,
  footer: ImageFooter,
  scale: number,
  top: number,
): void {
  const width = context.canvas.width;
  context.fillStyle = '#ffffff';
  context.fillRect(0, top, width, FOOTER_HEIGHT * scale);
  context.fillStyle = '#1f1f1f';
  context.strokeStyle = '#1f1f1f';
  context.textBaseline = 'middle';
  context.font = `${12 * scale}px ${FONT}`;
  const line1 = top + 16 * scale;
  let x = 10 * scale;
  // Scale bar: a line with end ticks, its length above it.
  const bar = footer.scale.pixels * scale;
  context.lineWidth = 2 * scale;
  context.beginPath();
  context.moveTo(x, line1 - 5 * scale);
  context.lineTo(x, line1 + 5 * scale);
  context.moveTo(x, line1 + 5 * scale);
  context.lineTo(x + bar, line1 + 5 * scale);
  context.lineTo(x + bar, line1 - 5 * scale);
  context.stroke();
  context.fillText(footer.scale.label, x + 5 * scale, line1 - 3 * scale);
  x += bar + 18 * scale;
  // North arrow: a triangle and N, turned as the map is.
  context.save();
  context.translate(x, line1);
  context.rotate((-footer.bearing * Math.PI) / 180);
  context.beginPath();
  context.moveTo(0, -8 * scale);
  context.lineTo(5 * scale, 6 * scale);
  context.lineTo(0, 3 * scale);
  context.lineTo(-5 * scale, 6 * scale);
  context.closePath();
  context.fill();
  context.restore();
  context.fillText('N', x + 8 * scale, line1);
  x += 28 * scale;
  // The legend: a swatch per status shown, its word and count.
  for (const entry of footer.legend) {
    context.fillStyle = entry.colour;
    context.fillRect(x, line1 - 6 * scale, 12 * scale, 12 * scale);
    context.fillStyle = '#1f1f1f';
    const text = `${entry.label} ${entry.count}`;
    context.fillText(text, x + 16 * scale, line1);
    x += 16 * scale + context.measureText(text).width + 12 * scale;
  }
  // Title and credits.
  const line2 = top + 40 * scale;
  context.font = `600 ${13 * scale}px ${FONT}`;
  context.fillText(footer.title, 10 * scale, line2);
  const after = 10 * scale + context.measureText(footer.title).width + 12 * scale;
  context.font = `${11 * scale}px ${FONT}`;
  context.fillStyle = '#4a4a4a';
  context.fillText(footer.credits, after, line2, Math.max(0, width - after - 10 * scale));
}

/**
 * The names and cluster counts over the map (HTML, not in the WebGL canvas), drawn where they are
 * on screen, in their own font and colour, the names with their white halo.
 */
function drawNames(context: CanvasRenderingContext2D, map: MapLibreMap, scale: number): void {
  const origin = map.getCanvas().getBoundingClientRect();
  const shown = map
    .getContainer()
    .querySelectorAll<HTMLElement>(
      '.park-map-label:not(.park-map-label-hidden), .park-map-cluster-count',
    );
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const element of shown) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    const style = getComputedStyle(element);
    const x = (box.left + box.width / 2 - origin.left) * scale;
    const y = (box.top + box.height / 2 - origin.top) * scale;
    context.font = `${style.fontWeight} ${parseFloat(style.fontSize) * scale}px ${style.fontFamily}`;
    const text = element.textContent ?? '';
    if (element.classList.contains('park-map-label')) {
      context.lineWidth = 3 * scale;
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.strokeText(text, x, y);
    }
    context.fillStyle = style.color;
    context.fillText(text, x, y);
  }
  context.textAlign = 'start';
}
