// What the list's export buttons do: the features shown as CSV or GeoJSON, a picture of the map
// with the selected feature's caption, and the link to this view copied to the clipboard. The
// code that writes the files loads on first use (the export chunk): most visits never export.
import { exportChunk, type ExportChunk } from '../chunks/loaders.js';
import type { ParkFeature } from '../data/types.js';
import { ParkMapErrorEvent, type ParkMapErrorDetail } from '../events/park-map-error-event.js';
import type { HashController } from '../explore/hash-controller.js';
import { resolveLang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { MapController } from '../map/map-controller.js';
import type { ParkStore } from '../state/park-store.js';
import type { Announcer } from '../ui/announcer.js';

export interface ExportSources {
  store: ParkStore;
  map: MapController;
  hash: HashController;
  announcer: Announcer;
}

export class Exporter {
  constructor(
    private readonly host: HTMLElement & { lang: string },
    private readonly sources: ExportSources,
  ) {}

  /** The shown features (or those given: the comparison) as the officials' CSV. */
  async csv(
    features: readonly ParkFeature[] = this.sources.store.shown,
    filename = 'park-map.csv',
  ): Promise<void> {
    const code = await this.code();
    if (!code) return;
    // For people: headers and words in the element's language, figures in 亿元 / 万平方米 / 亩.
    const csv = code.toOfficialCsv(
      features,
      resolveLang(this.host.lang),
      this.sources.store.features,
    );
    code.downloadText(csv, filename, code.CSV_MIME_TYPE);
  }

  async geoJson(): Promise<void> {
    const code = await this.code();
    if (!code) return;
    const text = code.toGeoJson(this.sources.store.shown);
    code.downloadText(text, 'park-map.geojson', code.GEOJSON_MIME_TYPE);
  }

  /** The map as drawn now, with the selected feature's name, status and figures over it. */
  async image(): Promise<void> {
    const { map, store } = this.sources;
    if (!map.map) return;
    const code = await this.code();
    const drawn = map.map;
    if (!code || !drawn) return;
    const selected = store.selected === null ? undefined : store.byId.get(store.selected);
    const picture = code.mapPicture(drawn, {
      lang: resolveLang(this.host.lang),
      selected,
      shown: store.shown,
      theme: map.theme,
    });
    try {
      code.downloadBlob(await picture, 'park-map.png');
    } catch (error) {
      this.report({ code: 'image-failed', message: String(error), severity: 'error' });
    }
  }

  /** Copies the link to this view (with `hash`, the URL keeps it). */
  async share(): Promise<void> {
    this.sources.hash.write('replace');
    try {
      await navigator.clipboard.writeText(location.href);
      this.sources.announcer.say(t(resolveLang(this.host.lang), 'shareCopied'));
    } catch (error) {
      this.report({
        code: 'clipboard-failed',
        message: `Could not copy the link (${String(error)}); copy it from the address bar.`,
        severity: 'warning',
      });
    }
  }

  /** The export chunk, or undefined when it could not be loaded (the page lost its connection). */
  private async code(): Promise<ExportChunk | undefined> {
    try {
      return await exportChunk.load();
    } catch (error) {
      this.report({
        code: 'export-failed',
        message: `could not load the export code: ${String(error)}`,
        severity: 'error',
      });
      return undefined;
    }
  }

  private report(detail: ParkMapErrorDetail): void {
    this.host.dispatchEvent(new ParkMapErrorEvent(detail));
  }
}
