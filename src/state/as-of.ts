// The as-of date: each feature as its `history` tells it stood on a date. Pure (but for the
// warning of a bad date), no DOM, no MapLibre.
//
// Dates are as precise as the reports (YYYY, YYYY-MM, YYYY-MM-DD). A partial date counts from its
// first day: a stage "2020-07" is reached on 2020-07-01, "2019" on 2019-01-01; an as-of date given
// as "2020-07" means 2020-07-01 too. (A report saying "in July" says it was so by then at the
// latest; counting from the start shows a stage on the step the timeline offers for it.)
import type { ParkFeature, Stage, Status } from '../data/types.js';
import { ParkMapErrorEvent } from '../events/park-map-error-event.js';

const DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** True for an ISO date of the reports' kinds: YYYY, YYYY-MM or YYYY-MM-DD (a real day). */
export function isAsOfDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  if (match[3] === undefined) return true;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** An as-of date that is not one (`date`): a `park-map-error` warning naming it, fired on `target`. */
export function dateProblem(value: string, target: EventTarget): void {
  if (isAsOfDate(value)) return;
  target.dispatchEvent(
    new ParkMapErrorEvent({
      code: 'invalid-date',
      message: `date="${value}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); the latest is shown.`,
      severity: 'warning',
    }),
  );
}

/** The first day of a (partial) date, YYYY-MM-DD: the day a stage of that date counts from. */
export function dayOf(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** The stage reached on `date`: its day is on or before it (stages of the same day: the later listed). */
export function reached(stage: Stage, date: string): boolean {
  return dayOf(stage.date) <= dayOf(date);
}

/** How a feature stood on a date. */
export type AsOf =
  /** The feature as it is now: no history, or its last stage is reached. */
  | { kind: 'now'; feature: ParkFeature; stage: number }
  /** An earlier stage (`stage`: its index in history): status, progress and figures of then. */
  | { kind: 'then'; feature: ParkFeature; stage: number }
  /** Its first stage is after the date. */
  | { kind: 'not-yet'; feature: ParkFeature; stage: -1 };

/**
 * The feature on `date`. Without history, or once its last stage is reached: the feature itself.
 * Before its first stage: not yet. Otherwise a copy whose status and progress are those of the
 * latest reached stage that states a status (none stated by then: no status), and whose figures
 * are its own overridden by those the reached stages state, the later winning.
 */
export function featureAsOf(feature: ParkFeature, date: string): AsOf {
  const history = feature.properties.history;
  if (!history || history.length === 0) return { kind: 'now', feature, stage: -1 };
  let last = -1;
  for (let i = 0; i < history.length; i++) if (reached(history[i]!, date)) last = i;
  if (last === -1) return { kind: 'not-yet', feature, stage: -1 };
  if (last === history.length - 1) return { kind: 'now', feature, stage: last };
  const properties = { ...feature.properties };
  let status: Status | undefined;
  let progress: number | undefined;
  let statusDate: string | undefined;
  for (let i = 0; i <= last; i++) {
    const stage = history[i]!;
    if (stage.status !== undefined) {
      status = stage.status;
      progress = stage.progress;
      statusDate = stage.date;
    } else if (stage.progress !== undefined) progress = stage.progress;
    if (stage.figures) Object.assign(properties, stage.figures);
  }
  if (status === undefined) delete properties.status;
  else properties.status = status;
  if (progress === undefined) delete properties.progress;
  else properties.progress = progress;
  if (statusDate === undefined) delete properties.statusDate;
  else properties.statusDate = statusDate;
  // The note of now tells of now.
  delete properties.statusNote;
  delete properties['statusNote:en'];
  return { kind: 'then', feature: { ...feature, properties }, stage: last };
}

/** The data on a date: the features shown (as of then, data order) and those not yet there. */
export interface AsOfView {
  /** The as-of date, or null: the latest (the features themselves). */
  date: string | null;
  features: readonly ParkFeature[];
  /** Ids of the features whose first stage is after the date. */
  notYet: ReadonlySet<string>;
  /** Each feature's stage reached (index in its history; -1: none or no history), by id. */
  stageOf: ReadonlyMap<string, number>;
  /** Ids of the features shown as of an earlier stage (their status may differ from now). */
  changed: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_STAGES: ReadonlyMap<string, number> = new Map();

/** The features on `date` (null: the latest, the same array). */
export function viewAsOf(features: readonly ParkFeature[], date: string | null): AsOfView {
  if (date === null) {
    return { date, features, notYet: EMPTY, stageOf: NO_STAGES, changed: EMPTY };
  }
  const shown: ParkFeature[] = [];
  const notYet = new Set<string>();
  const stageOf = new Map<string, number>();
  const changed = new Set<string>();
  for (const feature of features) {
    const state = featureAsOf(feature, date);
    stageOf.set(feature.id, state.stage);
    if (state.kind === 'not-yet') notYet.add(feature.id);
    else {
      shown.push(state.feature);
      if (state.kind === 'then') changed.add(feature.id);
    }
  }
  return { date, features: shown, notYet, stageOf, changed };
}

const byIdCache = new WeakMap<AsOfView, Map<string, ParkFeature>>();

/** A feature as of the view's date (undefined: not yet there, or not in the data). */
export function asOfFeature(view: AsOfView, id: string): ParkFeature | undefined {
  let byId = byIdCache.get(view);
  if (!byId) {
    byId = new Map(view.features.map((feature) => [feature.id, feature]));
    byIdCache.set(view, byId);
  }
  return byId.get(id);
}

/** The view of the data on `date`, or null at the latest and for vector tiles (not as of a date). */
export function asOfViewOf(
  features: readonly ParkFeature[],
  date: string | null,
  tiles: boolean,
): AsOfView | null {
  return date === null || tiles || !isAsOfDate(date) ? null : viewAsOf(features, date);
}

/**
 * What the map lets through as of the view: what the filters pass (`passing`, null: all), less
 * what is not yet there, which is left out as a filter leaves it out (`hidden` feature state; the
 * expression for the 3D layer).
 */
export function passingAsOf(
  view: AsOfView | null,
  passing: ReadonlySet<string> | null,
  shown: readonly ParkFeature[],
  expression: unknown[] | null,
  idProperty: string,
): { passing: ReadonlySet<string> | null; expression: unknown[] | null } {
  if (!view || view.notYet.size === 0) return { passing, expression };
  const there = ['!', ['in', ['get', idProperty], ['literal', [...view.notYet]]]];
  return {
    passing: passing ?? new Set(shown.map((feature) => feature.id)),
    expression: expression ? ['all', there, expression] : there,
  };
}

/** The distinct dates the data's history has, oldest first (of the same day, the less precise first). */
export function historyDates(features: readonly ParkFeature[]): string[] {
  const dates = new Set<string>();
  for (const feature of features) {
    for (const stage of feature.properties.history ?? []) {
      if (isAsOfDate(stage.date)) dates.add(stage.date);
    }
  }
  return [...dates].sort((a, b) => {
    const byDay = dayOf(a).localeCompare(dayOf(b));
    return byDay !== 0 ? byDay : a.length - b.length;
  });
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date in words: "2020年7月" / "July 2020", "2020年7月1日" / "1 July 2020", "2019年" / "2019". */
export function dateInWords(date: string, lang: 'zh-CN' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'en') {
    if (m === undefined) return String(y);
    const month = MONTHS_EN[m - 1]!;
    return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
  }
  if (m === undefined) return `${y}年`;
  return d === undefined ? `${y}年${m}月` : `${y}年${m}月${d}日`;
}
