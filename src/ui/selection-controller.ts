// What the user selects (on the map, in the list, through the details panel's links) and the
// details panel that shows it: its code (the details chunk, loaded once the map is drawn, or at once
// for an earlier selection), `park-map-select`, the announcement, the URL's history entry, and
// focus, which moves into the panel from the list and goes back where it was when it closes.
import { nothing, type ReactiveControllerHost } from 'lit';
import { detailsChunk } from '../chunks/loaders.js';
import { ParkMapErrorEvent } from '../events/park-map-error-event.js';
import { ParkMapSelectEvent } from '../events/park-map-select-event.js';
import { resolveLang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { MapController } from '../map/map-controller.js';
import type { MeasuringController } from '../measure/measuring-controller.js';
import type { ParkStore } from '../state/park-store.js';
import type { Exporter } from '../export/exporter.js';
import type { Announcer } from './announcer.js';
import { COMPARE_LIMIT } from './compare-limit.js';

export interface SelectionHost extends ReactiveControllerHost, HTMLElement {
  lang: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface SelectionSources {
  store: ParkStore;
  map: MapController;
  measuring: MeasuringController;
  announcer: Announcer;
  exporter: Exporter;
}

export class SelectionController {
  private readonly host: SelectionHost;
  private readonly sources: SelectionSources;
  private detailsLoad: Promise<void> | undefined;
  /** Where focus was before the details panel took it, to give it back when the panel closes. */
  private focusBefore: HTMLElement | null = null;
  /** The features picked for comparison, in the order picked (at most COMPARE_LIMIT). */
  private picked: string[] = [];
  /** The comparison table is open. */
  private compareOpen = false;

  /** The features picked for comparison (ids). */
  get compared(): string[] {
    return [...this.picked];
  }

  /** Opens or closes the comparison table (drawn by the details chunk, opened as a modal). */
  openCompare(open: boolean): void {
    this.compareOpen = open;
    this.host.requestUpdate();
    const code = detailsChunk.loaded;
    if (open && code)
      void this.host.updateComplete.then(() => code.showCompareTable(this.host.renderRoot));
  }

  /** The comparison, as the officials' CSV. */
  compareCsv(): void {
    const { store, exporter } = this.sources;
    void exporter.csv(
      this.picked.flatMap((id) => store.byId.get(id) ?? []),
      'park-map-compare.csv',
    );
  }

  /** Whether the comparison table is open. */
  get comparing(): boolean {
    return this.compareOpen;
  }

  /** Picks these for comparison (the first COMPARE_LIMIT known ids, once each). */
  setCompared(ids: readonly string[]): void {
    const known = ids.filter(
      (id, index) => this.sources.store.byId.has(id) && ids.indexOf(id) === index,
    );
    this.picked = known.slice(0, COMPARE_LIMIT);
    if (this.picked.length === 0) this.compareOpen = false;
    this.host.requestUpdate();
  }

  constructor(host: SelectionHost, sources: SelectionSources) {
    this.host = host;
    this.sources = sources;
    sources.store.subscribe((change) => {
      if (change.type === 'selection' && sources.store.selected !== null) void this.loadDetails();
    });
  }

  /** While a selection waits for the details panel's code: a promise for its arrival. */
  get loading(): Promise<void> | undefined {
    return this.sources.store.selected !== null && !detailsChunk.loaded
      ? this.detailsLoad
      : undefined;
  }

  /** Loads the details panel's code (once; again after a failure, at the next selection). */
  loadDetails(): Promise<void> {
    this.detailsLoad ??= detailsChunk.load().then(
      () => this.host.requestUpdate(),
      (error: unknown) => {
        this.detailsLoad = undefined;
        this.host.dispatchEvent(
          new ParkMapErrorEvent({
            code: 'details-load-failed',
            message: `could not load the details panel: ${String(error)}`,
            severity: 'error',
          }),
        );
      },
    );
    return this.detailsLoad;
  }

  /** A selection by the user: announced and told as `park-map-select` (the URL follows any selection). */
  selectByUser(id: string | null): void {
    const store = this.sources.store;
    if (id === store.selected) return;
    store.select(id);
    const feature = id === null ? undefined : store.byId.get(id);
    const name = feature?.properties.name;
    this.sources.announcer.say(
      name ? t(resolveLang(this.host.lang), 'selectedAnnounce', { name }) : '',
    );
    this.host.dispatchEvent(
      new ParkMapSelectEvent({ id, properties: feature?.properties ?? null }),
    );
  }

  /** Chosen in the list or the search results: selected, framed, and focus moves to its details. */
  choose(id: string): void {
    this.selectByUser(id);
    const feature = this.sources.store.byId.get(id);
    if (!feature) return;
    this.sources.map.fitTo([feature]);
    const active = this.host.shadowRoot?.activeElement;
    if (active instanceof HTMLElement && !active.closest('.details')) this.focusBefore = active;
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('#park-map-details-title')?.focus(),
    );
  }

  /** Closes the details panel (Escape, close button) and gives focus back where it was. */
  close(): void {
    const back = this.focusBefore;
    this.focusBefore = null;
    this.selectByUser(null);
    if (back?.isConnected) back.focus();
  }

  /** Escape closes the details panel. True when handled. */
  keyDown(event: KeyboardEvent): boolean {
    if (event.key !== 'Escape' || this.sources.store.selected === null) return false;
    event.stopPropagation();
    this.close();
    return true;
  }

  render() {
    const { store, map, measuring } = this.sources;
    const code = detailsChunk.loaded;
    const feature = store.selected === null ? undefined : store.byId.get(store.selected);
    if (!feature || !code) return nothing;
    return code.renderDetails(feature, {
      lang: resolveLang(this.host.lang),
      asOf: store.asOfView,
      byId: store.byId,
      children: store.childrenOf.get(feature.id) ?? [],
      onMeasure: () => measuring.measureFeature(feature),
      onClose: () => this.close(),
      onSelect: (id) => {
        this.selectByUser(id);
        const target = store.byId.get(id);
        if (target) map.fitTo([target]);
      },
      compare: code.compareContext(this, resolveLang(this.host.lang), store.byId),
    });
  }
}
