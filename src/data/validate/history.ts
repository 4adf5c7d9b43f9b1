// A feature's `history`: its dated stages, oldest first, the latest agreeing with the feature's
// current status and progress (see data/README.md, "history"). Every problem here is a warning:
// the feature always stays, and so does every stage that has a date; a bad value inside a stage is
// left out on its own (its raw value is in `params.value`).
//
// Dates are ISO 8601 as precise as the report: YYYY-MM-DD, YYYY-MM or YYYY. Two dates where one is
// a prefix of the other ("2020-06" and "2020-06-16") overlap: neither is out of order.
import type { FigureKey } from '../types.js';
import { FIGURE_UNITS, checkFigureText, progressKept, type FigureUnit } from './figures.js';
import { displayValue, isRecord, pathKey, previewJson, type Add } from './shared.js';
import { dropNonText, keepWhere, statusKept } from './properties.js';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Is `text` an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of the calendar (no 30 February)? */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const month = match[2] === undefined ? 1 : Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const year = Number(match[1]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/**
 * How two ISO dates of any precision compare: -1 when `a` is earlier, 1 when later, 0 when they
 * overlap (equal, or one contains the other: "2020" and "2020-07-01").
 */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  if (a.startsWith(b) || b.startsWith(a)) return 0;
  return a < b ? -1 : 1;
}

/** Fields of a stage that hold text. */
const STAGE_TEXTS = ['note', 'note:en'] as const;
const SOURCE_TEXTS = ['title', 'file', 'publisher', 'author', 'date', 'quote', 'url'] as const;

/**
 * Checks `output.history` (the safe copy of the feature's properties, its status and progress
 * already checked) and leaves out what cannot be used. `base` is the properties' path.
 */
export function checkHistory(output: Record<string, unknown>, base: string, add: Add): void {
  const history = output['history'];
  if (history === undefined || history === null) {
    delete output['history'];
    return;
  }
  const at = `${base}.history`;
  if (!Array.isArray(history)) {
    add(at, 'history-not-a-list', 'warning', { value: previewJson(history) });
    delete output['history'];
    return;
  }

  // Each stage on its own: an object with a usable date; a bad status, progress, text or figure
  // is left out of the stage.
  const indexOf = new Map<unknown, number>();
  const stages = keepWhere(history as unknown[], (stage, i) => {
    const stageAt = `${at}[${i}]`;
    if (!isRecord(stage)) {
      add(stageAt, 'history-stage-not-object', 'warning', { value: previewJson(stage) });
      return false;
    }
    indexOf.set(stage, i);
    const date = stage['date'];
    if (typeof date !== 'string' || !isIsoDate(date.trim())) {
      add(`${stageAt}.date`, 'history-bad-date', 'warning', {
        value: date === undefined ? '' : displayValue(date),
      });
      return false;
    }
    if (date !== date.trim()) stage['date'] = date.trim();
    checkStage(stage, stageAt, add);
    return true;
  });
  output['history'] = stages;

  // Across stages: dates in order and each once, progress never going back.
  let previous: Record<string, unknown> | undefined;
  let lastProgress: { value: number; date: string } | undefined;
  for (const stage of stages as Record<string, unknown>[]) {
    const stageAt = `${at}[${indexOf.get(stage) ?? 0}]`;
    const date = stage['date'] as string;
    if (previous) {
      const before = previous['date'] as string;
      if (date === before) {
        add(`${stageAt}.date`, 'history-duplicate-date', 'warning', { value: date });
      } else if (compareDates(date, before) < 0) {
        add(`${stageAt}.date`, 'history-out-of-order', 'warning', {
          value: date,
          previous: before,
        });
      }
    }
    const progress = stage['progress'];
    if (typeof progress === 'number') {
      if (lastProgress && progress < lastProgress.value) {
        add(`${stageAt}.progress`, 'history-progress-decreasing', 'warning', {
          value: progress,
          previous: lastProgress.value,
          previousDate: lastProgress.date,
        });
      }
      lastProgress = { value: progress, date };
    }
    previous = stage;
  }

  // The latest stage is the feature as it is now.
  const latest = stages[stages.length - 1] as Record<string, unknown> | undefined;
  if (!latest) return;
  const latestAt = `${at}[${indexOf.get(latest) ?? 0}]`;
  for (const field of ['status', 'progress'] as const) {
    const said = latest[field];
    const current = output[field];
    if (said === current) continue;
    add(`${latestAt}${pathKey(field)}`, 'history-latest-disagrees', 'warning', {
      field,
      value: said === undefined ? '' : displayValue(said),
      current: current === undefined ? '' : displayValue(current),
    });
  }
}

function checkStage(stage: Record<string, unknown>, at: string, add: Add): void {
  const status = stage['status'];
  if (status === null) delete stage['status'];
  else if (
    status !== undefined &&
    !statusKept(status, `${at}.status`, 'history-unknown-status', add)
  ) {
    delete stage['status'];
  }

  const progress = stage['progress'];
  if (progress !== undefined && progress !== null) {
    if (!progressKept(progress, `${at}.progress`, 'history-progress-out-of-range', add)) {
      delete stage['progress'];
    }
  } else if (progress === null) {
    delete stage['progress'];
  }

  dropNonText(stage, STAGE_TEXTS, at, add);

  const figures = stage['figures'];
  if (figures !== undefined && figures !== null) {
    if (!isRecord(figures)) {
      add(`${at}.figures`, 'not-an-object', 'warning', {
        value: previewJson(figures),
        example: '{"floorArea": 27300}',
      });
      delete stage['figures'];
    } else {
      for (const [key, value] of Object.entries(figures)) {
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) continue;
        const figureAt = `${at}.figures${pathKey(key)}`;
        const unit: FigureUnit = Object.hasOwn(FIGURE_UNITS, key)
          ? FIGURE_UNITS[key as FigureKey]
          : 'number';
        if (typeof value === 'number' && value < 0) {
          add(figureAt, 'figure-negative', 'warning', { value, unit });
        } else {
          checkFigureText(value, unit, figureAt, add);
        }
        delete figures[key];
      }
    }
  }

  const source = stage['source'];
  const title = isRecord(source) ? source['title'] : undefined;
  if (!isRecord(source) || typeof title !== 'string' || title.trim() === '') {
    add(`${at}.source`, 'history-missing-source', 'warning', {
      ...(source === undefined ? {} : { value: previewJson(source) }),
    });
    if (!isRecord(source)) delete stage['source'];
  } else {
    dropNonText(source, SOURCE_TEXTS, `${at}.source`, add);
  }
}
