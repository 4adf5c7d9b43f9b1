// The seed data (data/parks.geojson) against its schema, the entity list read from the seed reports
// (test/fixtures/seed-entities.json) and, where they are found, the reports themselves: they live
// beside the repository (../shared/seeds, or the folder PARK_MAP_SEEDS names), not in it, so a bare
// clone checks everything but the quotes and says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  KINDS,
  type ParkFeature,
  type ParkFeatureCollection,
  type Position,
} from '../../src/data/types';
import { SKIPPED_WITHOUT_SEEDS, near, numbersSaid, seeds, seedsDir } from './seeds';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

const data = readJson(path.join(repo, 'data/parks.geojson')) as ParkFeatureCollection;
const schema = readJson(path.join(repo, 'data/schema.json')) as object;

interface SeedEntity {
  id: string;
  name: string;
  kind: string;
  files: string[];
}
interface SeedFigure {
  id: string;
  key: string;
  value: number;
}
const fixture = readJson(path.join(repo, 'test/fixtures/seed-entities.json')) as {
  entities: SeedEntity[];
  figures: SeedFigure[];
};

if (!seedsDir) {
  console.warn(
    `seed-data: skipped the checks against the seed reports' text (quotes, names): ${SKIPPED_WITHOUT_SEEDS}. ` +
      'Everything else about data/parks.geojson is checked.',
  );
}
/** The seed files the data's sources name. */
const filesNamed = new Set(
  data.features.flatMap((f) => (f.properties.sources ?? []).map((s) => s.file ?? '')),
);

const byId = new Map<string, ParkFeature>(data.features.map((f) => [f.id, f]));

interface Stat {
  label: string;
  value: number;
  unit: string;
  period?: string;
  qualifier?: string;
}
const statsOf = (f: ParkFeature): Stat[] => (f.properties.stats as Stat[] | undefined) ?? [];

// ---------------------------------------------------------------- geometry helpers

/** Outer rings of a Polygon / MultiPolygon, or null for other geometries. */
function outerRings(f: ParkFeature): Position[][] | null {
  const g = f.geometry;
  if (g.type === 'Polygon') return g.coordinates.slice(0, 1);
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p[0] ?? []);
  return null;
}

function vertices(f: ParkFeature): Position[] {
  const g = f.geometry;
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

const xy = (p: Position): [number, number] => [p[0] ?? NaN, p[1] ?? NaN];

/** Ray casting; points on the boundary count as outside. */
function insideRing(p: Position, ring: Position[]): boolean {
  const [x, y] = xy(p);
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = xy(ring[i] ?? []);
    const [xj, yj] = xy(ring[j] ?? []);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const insideAny = (p: Position, rings: Position[][]): boolean =>
  rings.some((r) => insideRing(p, r));

/** Twice the signed area (shoelace); positive for counter-clockwise rings. */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = xy(ring[i] ?? []);
    const [x2, y2] = xy(ring[i + 1] ?? []);
    s += x1 * y2 - x2 * y1;
  }
  return s;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position): number => {
    const [px, py] = xy(p);
    const [qx, qy] = xy(q);
    const [rx, ry] = xy(r);
    return Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  };
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

function ringsOverlap(r1: Position[], r2: Position[]): boolean {
  if (r1.some((p) => insideRing(p, r2)) || r2.some((p) => insideRing(p, r1))) return true;
  for (let i = 0; i < r1.length - 1; i++) {
    for (let j = 0; j < r2.length - 1; j++) {
      const a = r1[i];
      const b = r1[i + 1];
      const c = r2[j];
      const d = r2[j + 1];
      if (a && b && c && d && segmentsCross(a, b, c, d)) return true;
    }
  }
  return false;
}

/** All numbers recorded on a feature: top-level numeric properties, targets, stats. */
function figuresOf(f: ParkFeature): { key: string; value: number }[] {
  const out: { key: string; value: number }[] = [];
  for (const [k, v] of Object.entries(f.properties)) {
    if (typeof v === 'number') out.push({ key: k, value: v });
  }
  for (const [k, v] of Object.entries(f.properties.targets ?? {})) {
    if (typeof v === 'number') out.push({ key: `targets.${k}`, value: v });
  }
  for (const s of statsOf(f)) out.push({ key: `stats.${s.label}`, value: s.value });
  return out;
}

function figureValue(f: ParkFeature, key: string): unknown {
  if (key.startsWith('targets.')) {
    return (f.properties.targets as Record<string, unknown> | undefined)?.[key.slice(8)];
  }
  if (key.startsWith('stats.')) return statsOf(f).find((s) => s.label === key.slice(6))?.value;
  return f.properties[key];
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * A name is said in a text as it is, or as a said stem plus a numbering the text gives in a list
 * ('电子信息产业园' … '三期、四期' → '电子信息产业园四期'; '新兴金融中心' … '4#至6#楼' → '新兴金融中心5#楼').
 */
function namedIn(text: string, name: string): boolean {
  if (text.includes(name)) return true;
  for (let i = name.length - 1; i >= 2; i--) {
    if (text.includes(name.slice(0, i))) {
      return /^[\d#一二三四五六七八九十号楼栋期南北东西主]+$/.test(name.slice(i));
    }
  }
  return false;
}

// ---------------------------------------------------------------- qualifiers said in the seeds

/**
 * Every qualified figure of the data, with the seed's own words for it (read by hand from the
 * reports): 约 about, 余/多/超 more_than, 以上 at_least, 可达 up_to. `key` is a property, or
 * `targets.…` for a goal.
 */
const QUALIFIED: { id: string; key: string; words: string; file: string; qualifier: string }[] = [
  {
    id: 'hy-hq-base',
    key: 'floorArea',
    words: '70万余平方米',
    file: '000',
    qualifier: 'more_than',
  },
  { id: 'hy-hq-base', key: 'workers', words: '800余名工人', file: '000', qualifier: 'more_than' },
  {
    id: 'hy-yunchuang',
    key: 'targets.jobs',
    words: '就业岗位超6000个',
    file: '000',
    qualifier: 'more_than',
  },
  {
    id: 'hy-bigdata',
    key: 'targets.headCompanies',
    words: '头部企业8家以上',
    file: '000',
    qualifier: 'at_least',
  },
  {
    id: 'hy-bigdata',
    key: 'targets.listedCompanies',
    words: '上市企业3家以上',
    file: '000',
    qualifier: 'at_least',
  },
  {
    id: 'hy-bigdata',
    key: 'targets.annualOutput',
    words: '年产值20亿元以上',
    file: '000',
    qualifier: 'at_least',
  },
  {
    id: 'hy-bigdata',
    key: 'targets.annualTax',
    words: '年税收1亿元以上',
    file: '000',
    qualifier: 'at_least',
  },
  {
    id: 'hy-xinqiao-grapes',
    key: 'landArea',
    words: '260多亩',
    file: '000',
    qualifier: 'more_than',
  },
  {
    id: 'hy-xinqiao-grapes',
    key: 'investment',
    words: '500多万元',
    file: '000',
    qualifier: 'more_than',
  },
  {
    id: 'hy-intl-school',
    key: 'progress',
    words: '完成90%以上',
    file: '001',
    qualifier: 'at_least',
  },
  { id: 'hy-zhurong', key: 'graduates', words: '300余名学员', file: '001', qualifier: 'more_than' },
  {
    id: 'hy-ecommerce-selection',
    key: 'floorArea',
    words: '6000余平方米',
    file: '001',
    qualifier: 'more_than',
  },
  {
    id: 'hy-ecommerce-selection',
    key: 'products',
    words: '2000余种',
    file: '001',
    qualifier: 'more_than',
  },
  {
    id: 'hy-ecommerce',
    key: 'floorArea',
    words: '建筑面积约6万平方米',
    file: '003',
    qualifier: 'about',
  },
  {
    id: 'hy-ecommerce',
    key: 'targets.companies',
    words: '电商企业总部50家以上',
    file: '003',
    qualifier: 'at_least',
  },
  {
    id: 'hy-ecommerce',
    key: 'targets.jobs',
    words: '解决就业1000人以上',
    file: '003',
    qualifier: 'at_least',
  },
  // Statistics carry their own `qualifier`.
  {
    id: 'hy-hq-base',
    key: 'stats.施工现场工人',
    words: '1300多名工人',
    file: '002',
    qualifier: 'more_than',
  },
  {
    id: 'xx-chuangpu',
    key: 'stats.液晶显示屏年产量',
    words: '年产可达2400万片',
    file: '004',
    qualifier: 'up_to',
  },
  {
    id: 'hy-zone',
    key: 'stats.华融湘江银行将投入的信贷资源',
    words: '不低于100亿元',
    file: '003',
    qualifier: 'at_least',
  },
  {
    id: 'hy-wantian-1',
    key: 'companies',
    words: '十余家公司',
    file: '003',
    qualifier: 'more_than',
  },
];

/** The qualifier a seed's words give, by the rule of data/README.md (a hand rule, not the parser's). */
function qualifierSaid(words: string): string | undefined {
  if (/约\d/.test(words)) return 'about';
  if (/可达\d/.test(words)) return 'up_to';
  if (/以上|不低于\d/.test(words)) return 'at_least';
  if (/超\d|[\d十][万亿]?(余|多)/.test(words)) return 'more_than';
  return undefined;
}

/** Every qualifier the data gives, as `id key` → qualifier. */
function qualifiersOf(f: ParkFeature): [string, string][] {
  const own = Object.entries(f.properties.qualifiers ?? {}).map(
    ([key, q]) => [key, String(q)] as [string, string],
  );
  const goals = Object.entries(f.properties.targets?.qualifiers ?? {}).map(
    ([key, q]) => [`targets.${key}`, String(q)] as [string, string],
  );
  const stats = statsOf(f)
    .filter((stat) => stat.qualifier !== undefined)
    .map((stat) => [`stats.${stat.label}`, String(stat.qualifier)] as [string, string]);
  return [...own, ...goals, ...stats];
}

// ---------------------------------------------------------------- tests

describe('data/parks.geojson', () => {
  it('validates against data/schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has unique ids, known kinds and existing parents', () => {
    const ids = data.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of data.features) {
      expect(f.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(KINDS).toContain(f.properties.kind);
      const parent = f.properties.parent;
      if (f.properties.kind === 'zone') expect(parent, f.id).toBeUndefined();
      if (parent !== undefined) {
        expect(byId.has(parent), `${f.id} → ${parent}`).toBe(true);
        expect(parent).not.toBe(f.id);
        expect(byId.get(parent)?.properties.kind).not.toBe('project');
      }
    }
  });

  it('names every feature in Chinese and English', () => {
    for (const f of data.features) {
      expect(f.properties.name, f.id).toMatch(/[\u4e00-\u9fff]|^[A-Z0-9]/);
      expect(f.properties['name:en'], f.id).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('gives every feature sources naming a seed file, a title and a quote', () => {
    for (const f of data.features) {
      const sources = f.properties.sources ?? [];
      expect(sources.length, f.id).toBeGreaterThan(0);
      for (const s of sources) {
        expect(s.file, f.id).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
        expect(s.title, f.id).toBeTruthy();
        expect(s.quote, f.id).toBeTruthy();
      }
    }
  });

  it.skipIf(!seedsDir)('quotes every source verbatim from the seed file it names', () => {
    for (const f of data.features) {
      for (const s of f.properties.sources ?? []) {
        const text = seeds.get(s.file ?? '');
        expect(text, `${f.id}: ${s.file}`).toBeDefined();
        expect(text?.includes(s.quote ?? '\u0000'), `${f.id}: «${s.quote}»`).toBe(true);
        expect(squash(text ?? '').includes(squash(s.title)), `${f.id}: title «${s.title}»`).toBe(
          true,
        );
      }
    }
  });

  // Sources say who and when (#19): the byline each item prints (read by hand) and the report's
  // date as inferred in data/README.md ("Publication dates"), marked inferred. No report names
  // its newspaper (“本报” only), so no source has a publisher.
  const REPORT_DATES: Record<string, string> = {
    '000': '2021-11',
    '001': '2020-12',
    '002': '2020-04',
    '003': '2020-07',
    '004': '2021-05',
  };
  const BYLINES: Record<string, string | undefined> = {
    '项目建设“热火朝天” 招商引资“无缝对接”': '文/谢小青 图/李西 谢小青',
    '产业更兴旺 生态更宜居 村民更富裕': '谢小青',
    '衡阳高新投资集团：倾力打造项目建设新高地': '文/图 本报记者 莫雪松',
    '招商“选”资 瞄准双“500 强”': '本报记者 李佳玲',
    中铁城建集团劳动竞赛在总部基地启动: undefined,
    为助力产业发展献计献策: '文/记者 李佳玲 图/记者 周围',
    平湖公园景观悬索桥封闭大修: '文/图 记者 谢小青 实习生 左百村',
    '加速培育新经济 抢占发展“黄金赛道”': '谢小青',
    '“金融活水”解企业燃眉之急': '谢小青 实习生左百村',
    湘乡经开区特色产业强势崛起: '本报记者 马贵 通讯员 李志光',
    '湘潭二大桥维修加固 开启“加速跑”': '通讯员 宋静宇 周箭',
    户外彩绘征集活动邀你来参加: '通讯员 昭文宣',
    '贴心服务暖人心 园区企业送锦旗': '通讯员 肖姿',
    '“企业接待日”架起服务连心桥': '通讯员 何蔚',
    聘请15位导师服务园区创业者: '记者 马贵',
    '“一刻钟讲党史”让党史学习走进“网格”': '记者 马贵 通讯员 周辉',
    合作园区: undefined,
  };

  it('gives every source its byline and its report’s date, marked inferred', () => {
    for (const f of data.features) {
      for (const s of f.properties.sources ?? []) {
        const at = `${f.id}: ${s.title}`;
        expect(Object.keys(BYLINES), at).toContain(s.title);
        expect(s.author, at).toBe(BYLINES[s.title]);
        expect(s.date, at).toBe(REPORT_DATES[(s.file ?? '').slice(0, 3)]);
        expect(s.dateInferred, at).toBe(true);
        expect(s.publisher, at).toBeUndefined();
      }
    }
  });

  it.skipIf(!seedsDir)('finds each byline printed in its file just after its item’s title', () => {
    for (const f of data.features) {
      for (const s of f.properties.sources ?? []) {
        if (!s.author) continue;
        const text = squash(seeds.get(s.file ?? '') ?? '');
        const title = text.indexOf(squash(s.title));
        const byline = text.indexOf(squash(s.author), title);
        expect(title, `${f.id}: ${s.title}`).toBeGreaterThanOrEqual(0);
        expect(byline - title, `${f.id}: «${s.author}» after «${s.title}»`).toBeGreaterThan(0);
        expect(byline - title, `${f.id}: «${s.author}» after «${s.title}»`).toBeLessThan(120);
      }
    }
  });

  it('says every recorded number in a quote of the same feature', () => {
    for (const f of data.features) {
      const said = (f.properties.sources ?? []).flatMap((s) => numbersSaid(s.quote ?? ''));
      for (const { key, value } of figuresOf(f)) {
        expect(
          said.some((n) => near(value, n)),
          `${f.id}.${key} = ${value}`,
        ).toBe(true);
      }
    }
  });

  it('keeps progress within 0–100 and statusDate as an ISO date', () => {
    for (const f of data.features) {
      const { progress, statusDate } = f.properties;
      if (progress !== undefined) expect(progress).toBeGreaterThanOrEqual(0);
      if (progress !== undefined) expect(progress).toBeLessThanOrEqual(100);
      if (statusDate !== undefined) expect(statusDate).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('has closed, counter-clockwise rings with at most 6 decimals, marked approximate', () => {
    for (const f of data.features) {
      expect(f.properties.approximate, f.id).toBe(true);
      if (['zone', 'plot', 'building'].includes(f.properties.kind)) {
        expect(['Polygon', 'MultiPolygon'], f.id).toContain(f.geometry.type);
      }
      for (const p of vertices(f)) {
        for (const c of p) expect(Math.abs(c * 1e6 - Math.round(c * 1e6)), f.id).toBeLessThan(1e-6);
      }
      for (const ring of outerRings(f) ?? []) {
        expect(ring.length, f.id).toBeGreaterThanOrEqual(4);
        expect(ring[0], f.id).toEqual(ring[ring.length - 1]);
        expect(signedArea2(ring), `${f.id} ring orientation`).toBeGreaterThan(0);
      }
    }
  });

  it('places the two seed zones in Hengyang and Xiangxiang', () => {
    const box = {
      // west of the Xiang (see test/unit/seed-rivers.test.ts); south-east of Xiangxiang, off the Lian
      'hy-zone': [112.5, 26.88, 112.6, 26.93],
      'xx-zone': [112.54, 27.66, 112.63, 27.73],
    };
    for (const [id, [w, s, e, n]] of Object.entries(box)) {
      const zone = byId.get(id);
      expect(zone, id).toBeDefined();
      for (const p of zone ? vertices(zone) : []) {
        const [x, y] = xy(p);
        expect(x >= (w ?? 0) && x <= (e ?? 0) && y >= (s ?? 0) && y <= (n ?? 0), `${id} ${p}`).toBe(
          true,
        );
      }
    }
  });

  it('draws every feature inside its parent polygon', () => {
    for (const f of data.features) {
      const parent = f.properties.parent ? byId.get(f.properties.parent) : undefined;
      const rings = parent ? outerRings(parent) : null;
      if (!rings) continue;
      for (const p of vertices(f)) {
        expect(insideAny(p, rings), `${f.id} vertex ${p} outside ${parent?.id}`).toBe(true);
      }
    }
  });

  it('gives every building a footprint that overlaps no other building', () => {
    const buildings = data.features.filter((f) => f.properties.kind === 'building');
    for (let i = 0; i < buildings.length; i++) {
      for (let j = i + 1; j < buildings.length; j++) {
        const a = buildings[i];
        const b = buildings[j];
        const ra = a ? (outerRings(a) ?? []) : [];
        const rb = b ? (outerRings(b) ?? []) : [];
        for (const r1 of ra) {
          for (const r2 of rb) expect(ringsOverlap(r1, r2), `${a?.id} × ${b?.id}`).toBe(false);
        }
      }
    }
  });

  it('gives the zones of seed 004 their published hotlines', () => {
    expect(byId.get('xx-zone')?.properties.contact?.phone).toBe('0731-56568888');
    expect(byId.get('xt-yuhu')?.properties.contact?.phone).toBe('0731-55556789');
    expect(byId.get('xt-tianyi')?.properties.contact?.phone).toBe('0731-57572222');
    expect(byId.get('xt-yuetang')?.properties.contact?.phone).toBe('52688088');
  });
});

describe('qualifiers of the seed figures', () => {
  it('qualifies exactly the figures the table lists, as the seed words say', () => {
    const recorded = data.features.flatMap((f) =>
      qualifiersOf(f).map(([key, q]) => `${f.id} ${key} ${q}`),
    );
    expect(recorded.sort()).toEqual(
      QUALIFIED.map(({ id, key, qualifier }) => `${id} ${key} ${qualifier}`).sort(),
    );
    for (const { id, key, words, qualifier } of QUALIFIED) {
      expect(qualifierSaid(words), words).toBe(qualifier);
      // The qualified figure is recorded, and is the number the words give.
      const f = byId.get(id);
      const value = f && figureValue(f, key);
      expect(typeof value, `${id} ${key}`).toBe('number');
      expect(
        numbersSaid(words).some((n) => near(value as number, n)),
        `${id} ${key} = ${String(value)} in «${words}»`,
      ).toBe(true);
    }
  });

  it('puts qualifiers right after kind', () => {
    for (const f of data.features) {
      if (f.properties.qualifiers) expect(Object.keys(f.properties)[1], f.id).toBe('qualifiers');
    }
  });

  it('quotes the qualified words in a source of the feature', () => {
    for (const { id, words } of QUALIFIED) {
      const quotes = (byId.get(id)?.properties.sources ?? []).map((s) => s.quote ?? '');
      expect(
        quotes.some((q) => q.includes(words)),
        `${id}: «${words}»`,
      ).toBe(true);
    }
  });

  it.skipIf(!seedsDir)('finds the qualified words in the seed report they come from', () => {
    for (const { id, words, file } of QUALIFIED) {
      const name = [...seeds.keys()].find((n) => n.startsWith(`${file}_`));
      expect(seeds.get(name ?? '')?.includes(words), `${id}: «${words}» in ${file}`).toBe(true);
    }
  });

  it('leaves no qualified number of a quote unqualified where it is the recorded figure', () => {
    // 约70, 超6000, 可达2400万, 不低于100亿, 70万余, 260多, 十余, 20亿元以上, 90%以上 in the quotes.
    const qualified =
      /(?:约|超过?|可达|不低于)\d+(?:\.\d+)?[万亿]?|(?:\d+(?:\.\d+)?|十)(?:余|多)[万亿]?|\d+(?:\.\d+)?[万亿]?[^\d，。、,；]{0,2}以上/g;
    const listed = new Set(QUALIFIED.map(({ id, key }) => `${id} ${key}`));
    for (const f of data.features) {
      const figures = figuresOf(f);
      for (const source of f.properties.sources ?? []) {
        for (const match of (source.quote ?? '').matchAll(qualified)) {
          const said = numbersSaid(match[0]);
          for (const { key, value } of figures) {
            if (!said.some((n) => near(value, n))) continue;
            expect(listed.has(`${f.id} ${key}`), `${f.id} ${key}: «${match[0]}»`).toBe(true);
          }
        }
      }
    }
  });
});

describe('test/fixtures/seed-entities.json', () => {
  it('lists entities from every seed file the data names', () => {
    const files = new Set(fixture.entities.flatMap((e) => e.files));
    expect([...files].sort()).toEqual([...filesNamed].sort());
    expect(files.size).toBe(5);
  });

  it.skipIf(!seedsDir)('lists entities from all five seed reports', () => {
    const files = new Set(fixture.entities.flatMap((e) => e.files));
    expect([...files].sort()).toEqual([...seeds.keys()].sort());
  });

  it.each(fixture.entities.map((e) => [e.id, e] as const))(
    'finds %s in the data with its name, kind and seed files',
    (_id, e) => {
      const f = byId.get(e.id);
      expect(f).toBeDefined();
      expect(f?.properties.name).toBe(e.name);
      expect(f?.properties.kind).toBe(e.kind);
      const files = new Set((f?.properties.sources ?? []).map((s) => s.file));
      for (const file of e.files) expect(files.has(file), file).toBe(true);
    },
  );

  it.skipIf(!seedsDir).each(fixture.entities.map((e) => [e.id, e] as const))(
    'finds the name of %s (or a published alias) in a seed report it is attributed to',
    (_id, e) => {
      const f = byId.get(e.id);
      const names = [e.name, ...((f?.properties.aliases as string[] | undefined) ?? [])];
      const said = e.files.some((file) =>
        names.some((n) => namedIn(squash(seeds.get(file) ?? ''), squash(n))),
      );
      expect(said, `${e.name} not found in ${e.files.join(', ')}`).toBe(true);
    },
  );

  it('covers every feature of the data', () => {
    const listed = new Set(fixture.entities.map((e) => e.id));
    for (const f of data.features) expect(listed.has(f.id), f.id).toBe(true);
  });

  it.each(fixture.figures.map((g) => [`${g.id} ${g.key}`, g] as const))(
    'records %s exactly',
    (_label, g) => {
      const f = byId.get(g.id);
      expect(f).toBeDefined();
      if (f) expect(figureValue(f, g.key)).toBe(g.value);
    },
  );

  it('lists every number recorded in the data', () => {
    const listed = new Set(fixture.figures.map((g) => `${g.id} ${g.key}`));
    for (const f of data.features) {
      for (const { key } of figuresOf(f))
        expect(listed.has(`${f.id} ${key}`), `${f.id} ${key}`).toBe(true);
    }
  });
});
