// Every case of the hostile-input corpus (test/fixtures/hostile/corpus.json) through decoding and
// validation in Node: nothing throws, the valid rest loads, and every problem gets a message that
// names the feature and the field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeParkDataText } from '../../src/data/decode';
import { describeIssue } from '../../src/data/issue-messages';
import type { DataIssue } from '../../src/data/types';
import { validateParkData } from '../../src/data/validate/index.js';
import corpus from '../fixtures/hostile/corpus.json';
import { generateCase } from '../fixtures/hostile/generate';

interface CorpusCase {
  name: string;
  file?: string;
  generate?: string;
  decodeOnly?: boolean;
  expect: {
    loads: number;
    codes: string[];
    paths?: string[];
    messageIncludes?: string[];
    messageExcludes?: string[];
    maxMessageLength?: number;
  };
}

const cases = corpus.cases as CorpusCase[];

function bytesOf(entry: CorpusCase): Uint8Array {
  if (entry.generate) return generateCase(entry.generate);
  return readFileSync(new URL(`../fixtures/hostile/${entry.file}`, import.meta.url));
}

/** Decode then validate, as the element does for `src` (the JSON is already parsed then). */
function run(entry: CorpusCase): { loads: number; issues: DataIssue[] } {
  const decoded = decodeParkDataText(bytesOf(entry));
  if (!decoded.ok) return { loads: 0, issues: [...decoded.warnings, decoded.issue] };
  const result = validateParkData(decoded.json, { parsed: true });
  return {
    loads: result.collection.features.length,
    issues: [...decoded.warnings, ...result.errors],
  };
}

/** The field of an issue as its message words it: the path below `features[i].`. */
function fieldOf(issue: DataIssue): string {
  const prefix = `features[${issue.index}].`;
  return issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : '';
}

function checkOutcome(entry: CorpusCase): void {
  const { loads, issues } = run(entry);
  const { expect: want } = entry;
  expect(loads).toBe(want.loads);
  expect(issues.map((issue, i) => (want.codes[i] === '*' ? '*' : issue.code))).toEqual(want.codes);
  if (want.paths) expect(issues.map((issue) => issue.path)).toEqual(want.paths);
  const messages = issues.map((issue) => issue.reason);
  for (const text of want.messageIncludes ?? []) {
    expect(
      messages.some((message) => message.includes(text)),
      text,
    ).toBe(true);
  }
  for (const text of want.messageExcludes ?? []) {
    for (const message of messages) expect(message).not.toContain(text);
  }
  if (want.maxMessageLength !== undefined) {
    for (const message of messages)
      expect(message.length).toBeLessThanOrEqual(want.maxMessageLength);
  }
  for (const issue of issues) {
    for (const lang of ['en', 'zh-CN'] as const) {
      const message = describeIssue(issue, lang);
      expect(message.trim()).not.toBe('');
      // Names the feature (by id, or by position when it has none) and the field.
      if (issue.featureId !== undefined) expect(message).toContain(issue.featureId);
      else if (issue.index !== undefined) expect(message).toContain(`features[${issue.index}]`);
      if (issue.index !== undefined && fieldOf(issue) !== '') {
        expect(message).toContain(fieldOf(issue));
      }
      // File-level issues name their member (coordinateSystem, features, __proto__…).
      if (issue.index === undefined && issue.path !== '' && issue.path !== 'src') {
        expect(message).toContain(issue.path.split('.').at(-1)!);
      }
    }
  }
}

describe('hostile-input corpus', () => {
  it('holds at least 40 cases, each with a file or a generator and a valid expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((entry) => entry.name)).size).toBe(cases.length);
    for (const entry of cases) {
      expect(Boolean(entry.file) !== Boolean(entry.generate), entry.name).toBe(true);
      expect(Number.isInteger(entry.expect.loads), entry.name).toBe(true);
      if (entry.expect.paths) expect(entry.expect.paths).toHaveLength(entry.expect.codes.length);
    }
  });

  for (const entry of cases) {
    it(entry.name, () => checkOutcome(entry));
  }

  // Every case again, the two 50 MB ones included: seconds of work (more on a busy machine).
  it('throws on no case, and leaves Object.prototype alone', () => {
    const throwing: string[] = [];
    for (const entry of cases) {
      try {
        run(entry);
      } catch (error) {
        throwing.push(`${entry.name}: ${String(error)}`);
      }
    }
    expect(throwing).toEqual([]);
    const probe: Record<string, unknown> = {};
    expect(probe['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 60_000);

  it('reads the same issues from the data property (a parsed object) as from the file', () => {
    for (const entry of cases) {
      // Generated cases are large or binary; the small files cover the validator's codes.
      if (entry.decodeOnly || entry.generate) continue;
      const decoded = decodeParkDataText(bytesOf(entry));
      if (!decoded.ok || decoded.warnings.length > 0) continue;
      const fromObject = validateParkData(decoded.json);
      expect(
        fromObject.errors.map((issue) => issue.code),
        entry.name,
      ).toEqual(entry.expect.codes.filter((code) => code !== '*'));
    }
  });
});
