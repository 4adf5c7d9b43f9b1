// The basemap switch: a <select> of the basemaps the page lists in `basemaps` (nothing without
// it), as a MapLibre control in the upper right corner, below the zoom buttons (the lower left
// is the view buttons' and the scale bar's, and the details panel's edge on a desk). Choosing one sets the
// `basemap` attribute (the map is then made again with it) and fires `park-map-basemap`. A preset
// that needs a key is handled as `basemap` handles it (without `basemap-key`: a message, offline).
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { ParkMapBasemapEvent } from '../events/park-map-basemap-event.js';
import { ParkMapErrorEvent } from '../events/park-map-error-event.js';
import { BASEMAP_LABELS } from '../i18n/basemap-labels.js';
import { resolveLang } from '../i18n/lang.js';
import { BASEMAP_PRESETS, parseBasemapList, type BasemapPreset } from './basemaps.js';
import type { MapContext, MapPart } from './map-part.js';

/** The `basemaps` value each element was last told about (unknown names are told once). */
const reported = new WeakMap<HTMLElement, string>();
/** Elements whose switch had the focus when the basemap changed: the new switch takes it. */
const refocus = new WeakSet<HTMLElement>();

export class BasemapSwitch implements MapPart {
  /** The control MapLibre places: the switch's box, made by onAdd below. */
  private control: IControl | undefined;
  private select: HTMLSelectElement | undefined;

  constructor(private readonly context: MapContext) {}

  onAdd(map: MapLibreMap): void {
    const { host } = this.context;
    const { presets, unknown } = parseBasemapList(host.basemaps);
    this.tellUnknown(unknown);
    if (presets.length === 0) return;
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const select = document.createElement('select');
    select.className = 'basemap-switch';
    Object.assign(select.style, {
      border: '0',
      background: 'transparent',
      color: 'inherit',
      font: 'inherit',
      height: '29px',
      padding: '0 4px',
      borderRadius: '4px',
      cursor: 'pointer',
    });
    select.addEventListener('change', this.onChange);
    container.append(select);
    this.select = select;
    this.fill(presets);
    this.control = { onAdd: () => container, onRemove: () => container.remove() };
    map.addControl(this.control, 'top-right');
    if (refocus.delete(host)) select.focus();
  }

  onRemove(map: MapLibreMap): void {
    this.select?.removeEventListener('change', this.onChange);
    this.select = undefined;
    if (this.control) map.removeControl(this.control);
    this.control = undefined;
  }

  /** The language changed: the options and the name in it. */
  langChanged(): void {
    if (this.select) this.fill(parseBasemapList(this.context.host.basemaps).presets);
  }

  private fill(presets: readonly BasemapPreset[]): void {
    const select = this.select!;
    const { host } = this.context;
    const words = BASEMAP_LABELS[resolveLang(host.lang)];
    select.setAttribute('aria-label', words.label);
    select.title = words.label;
    const current = (host.basemap ?? 'none').trim() || 'none';
    const options = presets.map((preset) => {
      const option = new Option(words.presets[preset], preset);
      option.selected = preset === current;
      return option;
    });
    if (!(presets as readonly string[]).includes(current)) {
      // What shows now, though the page did not list it: shown as the choice, never offered.
      const option = new Option(
        (BASEMAP_PRESETS as readonly string[]).includes(current)
          ? words.presets[current as BasemapPreset]
          : words.other,
        current,
        true,
        true,
      );
      option.disabled = true;
      options.unshift(option);
    }
    select.replaceChildren(...options);
  }

  private readonly onChange = (): void => {
    const select = this.select;
    if (!select) return;
    const { host } = this.context;
    const previous = host.basemap;
    const chosen = select.value;
    if (chosen === previous) return;
    if (host.renderRoot instanceof ShadowRoot && host.renderRoot.activeElement === select) {
      refocus.add(host);
    }
    host.setAttribute('basemap', chosen);
    host.dispatchEvent(new ParkMapBasemapEvent({ basemap: chosen, previous }));
  };

  /** Names in `basemaps` that are no presets: one message each time the attribute changes. */
  private tellUnknown(unknown: string[]): void {
    const { host } = this.context;
    const value = host.basemaps ?? '';
    if (reported.get(host) === value) return;
    reported.set(host, value);
    if (unknown.length === 0) return;
    host.dispatchEvent(
      new ParkMapErrorEvent({
        code: 'basemaps-unknown',
        message: `basemaps="${value}": ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a preset (${BASEMAP_PRESETS.join(', ')}); the switch leaves ${unknown.length === 1 ? 'it' : 'them'} out.`,
        severity: 'error',
      }),
    );
  }
}
