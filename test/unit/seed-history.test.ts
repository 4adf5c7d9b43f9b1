// The seed data's `history` (data/parks.geojson): every dated stage of the five seed reports, each
// quoted verbatim from its report. The counts below are hand counts from reading the reports; the
// quotes are checked against the reports where they are found (test/unit/seeds.ts), and skipped,
// with the reason printed, where they are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParkFeatureCollection, Stage } from '../../src/data/types';
import { compareDates } from '../../src/data/validate/history';
import { validateParkData } from '../../src/data/validate/index.js';
import { SKIPPED_WITHOUT_SEEDS, near, numbersSaid, seeds, seedsDir } from './seeds';

const data = JSON.parse(
  readFileSync(new URL('../../data/parks.geojson', import.meta.url), 'utf8'),
) as ParkFeatureCollection;

if (!seedsDir) {
  console.warn(
    `seed-history: skipped the checks of the stages' quotes and titles against the reports: ${SKIPPED_WITHOUT_SEEDS}.`,
  );
}

/**
 * Stages per report, counted by hand (one stage: a feature at a date the report gives, or at the
 * report's own present; one event told by two reports is one stage, from the more precise one):
 *
 * - 000 (Nov 2021), 17: the headquarters base, its south plot (95 %), north plot, plaza, buildings
 *   S1, S6, S8, 5, N2, N4 (finishing stage); 云创, 大数据, 数字城市, 数字生活 (signed); 科大讯飞
 *   (about to sign); the grape farm twice (land deal in September, works on 23 November).
 * - 001 (Dec 2020), 53: the base (6 buildings structurally complete); software park (28 Oct),
 *   e-commerce park (19 Nov) and its selection centre (Nov); talent apartments (Jun); innovation
 *   centre (Aug); start-up centre and its two buildings (80 %, 50 %); finance centre and buildings
 *   1 (80 %), 2 (90 %), 4, 5, 6; 红树林 II and its buildings 1, 2, 4; 红树林 IV–V; IDX; 鸿富锦 II;
 *   欧姆龙; 富士康 dormitory; 未来城 and its four valleys; 现代城 and its two buildings; the
 *   international school (90 %); 九中; 蒸水 and 长胜 resettlement; 新民 south; 团结堤; 蒸水河南岸 and
 *   柿江河 roads; 风光带 III; 风顺路, 银星路, 科技路, 学园路; the central park (Oct); 万魔声学 twice
 *   (moved in in May, producing in June); 上海交大 5G centre (29 Dec); 丰家洲, 南华 AI project,
 *   一带一路 college, 高薪国际城 (planned, with their investment).
 * - 002 (Apr 2020), 10: the base (1 300 workers, floor 8); the AI park (1 Apr); start-up centre and
 *   e-commerce centre (agreements being settled); software park (planned); the service hall; 898;
 *   the Fortune Global 500 cluster (being built up); 乐福地 (visited 17 Apr); 平湖 bridge (overhaul,
 *   21 Apr).
 * - 003 (Jul 2020), 20: software and e-commerce parks signed (29 Jun); 祝融学院 (16 Jun); the
 *   base, its north plot and tower 2# (topped out 1 Jul); the twelve projects "还将推出"; 湾田 and
 *   its phase I (built "去年", 2019).
 * - 004 (May 2021), 20: the power park, its phase I, headquarters and service buildings, company
 *   buildings, testing institute; the electronics park, phases I, II, III (signed Aug 2020, started
 *   Sep 2020, now), IV, V; 创普, 湘君子, 振添 II; the Xiangtan start-up centre (13 May); 盘龙
 *   (May Day); the 二大桥 repairs (63 %, 13 May).
 */
const STAGES_PER_REPORT: Record<string, number> = {
  '000_5190907b2a68824f.txt': 17,
  '001_0fcd9a0f2d734e20.txt': 53,
  '002_8dce30ed7c55399a.txt': 10,
  '003_d299b5e2e37b0ea9.txt': 20,
  '004_65d3032f63d766d7.txt': 20,
};

/** Each report's present: no stage it tells of is later. */
const REPORT_PRESENT: Record<string, string> = {
  '000_5190907b2a68824f.txt': '2021-11',
  '001_0fcd9a0f2d734e20.txt': '2020-12',
  '002_8dce30ed7c55399a.txt': '2020-04',
  '003_d299b5e2e37b0ea9.txt': '2020-07',
  '004_65d3032f63d766d7.txt': '2021-05',
};

const stages: { id: string; stage: Stage }[] = data.features.flatMap((f) =>
  (f.properties.history ?? []).map((stage) => ({ id: f.id, stage })),
);
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('the history in data/parks.geojson', () => {
  it('has the hand-counted number of stages from each report', () => {
    const counted: Record<string, number> = {};
    for (const { stage } of stages) {
      const file = stage.source.file ?? '';
      counted[file] = (counted[file] ?? 0) + 1;
    }
    expect(counted).toEqual(STAGES_PER_REPORT);
  });

  it('validates without a single warning', () => {
    expect(validateParkData(data).errors).toEqual([]);
  });

  it('gives the headquarters base its four stages, April 2020 to November 2021', () => {
    const base = data.features.find((f) => f.id === 'hy-hq-base');
    expect(
      base?.properties.history?.map((s) => [s.date, s.status, s.source.file?.slice(0, 3)]),
    ).toEqual([
      ['2020-04', 'under_construction', '002'],
      ['2020-07-01', 'under_construction', '003'],
      ['2020-12', 'under_construction', '001'],
      ['2021-11', 'fitting_out', '000'],
    ]);
  });

  it('puts history last in each feature, and its latest stage is the feature now', () => {
    for (const f of data.features) {
      const history = f.properties.history;
      if (!history) continue;
      const keys = Object.keys(f.properties);
      expect(keys[keys.length - 1], f.id).toBe('history');
      const latest = history[history.length - 1];
      expect(latest?.status, f.id).toBe(f.properties.status);
      expect(latest?.progress, f.id).toBe(f.properties.progress);
    }
  });

  it('dates each stage no later than its report, and translates every note', () => {
    for (const { id, stage } of stages) {
      const present = REPORT_PRESENT[stage.source.file ?? ''];
      expect(present, id).toBeDefined();
      expect(compareDates(stage.date, present ?? ''), `${id} ${stage.date}`).toBeLessThanOrEqual(0);
      if (stage.note) expect(stage['note:en'], `${id} ${stage.date}`).toMatch(/^[\x20-\x7e’“”²]+$/);
    }
  });

  it('says every progress and figure of a stage in its quote', () => {
    for (const { id, stage } of stages) {
      const said = numbersSaid(stage.source.quote ?? '');
      const numbers = [
        ...(stage.progress === undefined ? [] : [stage.progress]),
        ...Object.values(stage.figures ?? {}),
      ];
      for (const n of numbers) {
        expect(
          said.some((s) => near(n, s)),
          `${id} ${stage.date}: ${n}`,
        ).toBe(true);
      }
    }
  });

  it.skipIf(!seedsDir)('quotes every stage verbatim from its report, under its title', () => {
    expect(seeds.size).toBe(5);
    for (const { id, stage } of stages) {
      const text = seeds.get(stage.source.file ?? '');
      expect(text, `${id}: ${stage.source.file}`).toBeDefined();
      expect(text?.includes(stage.source.quote ?? '\u0000'), `${id}: «${stage.source.quote}»`).toBe(
        true,
      );
      expect(squash(text ?? '').includes(squash(stage.source.title)), `${id}: title`).toBe(true);
    }
  });
});
