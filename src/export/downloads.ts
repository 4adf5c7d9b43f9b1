// Saving what the user exports: text files and a picture of the map with the selected feature's
// caption (image-caption.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ImageCaption } from './image-caption.js';

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
 * Draws the map as it is now, plus the caption in a box at the top left, into a PNG.
 * WebGL keeps no drawing buffer between frames, so the copy happens inside the next render.
 */
export function mapImage(map: MapLibreMap, panel: ImageCaption | null): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no 2D canvas'));
        return;
      }
      context.drawImage(source, 0, 0);
      if (panel) drawPanel(context, panel, source.width / source.clientWidth || 1);
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
