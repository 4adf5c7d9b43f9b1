// Seeded, realistic park data for the benchmark: one development zone, parks (one per ~200 buildings)
// laid out on a grid around Hengyang, and 8–12-vertex building footprints (some with a courtyard) with
// every property the schema knows. The same seed gives the same bytes, so runs compare like with like.
import {
  STATUSES,
  type ParkFeature,
  type ParkFeatureCollection,
  type Position,
} from '../src/data/types.ts';

/** mulberry32: a tiny 32-bit PRNG, good enough to make plausible data reproducibly. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A building the runner clicks: no courtyard, so its centroid is inside it. */
export interface Probe {
  id: string;
  name: string;
  centroid: [number, number];
}

export interface GeneratedMeta {
  n: number;
  seed: number;
  features: number;
  parks: number;
  holes: number;
  /** [west, south, east, north] of all features. */
  bbox: [number, number, number, number];
  /** Buildings near the middle of the data, for clicks. */
  probes: Probe[];
}

const CENTRE: [number, number] = [112.6, 26.9];
const BUILDINGS_PER_PARK = 200;
/** Metres between building centres inside a park, and between park origins. */
const BUILDING_SPACING_M = 55;
const PARK_GRID = Math.ceil(Math.sqrt(BUILDINGS_PER_PARK));
const PARK_SPACING_M = PARK_GRID * BUILDING_SPACING_M + 120;
const METRES_PER_DEGREE_LAT = 110_950;
const METRES_PER_DEGREE_LON = 111_320 * Math.cos((CENTRE[1] * Math.PI) / 180);

const INDUSTRIES = [
  '电子信息',
  '智能制造',
  '新材料',
  '生物医药',
  '软件和信息服务',
  '现代物流',
  '电子商务',
  '新能源',
  '检验检测',
  '总部经济',
];
const COMPANY_WORDS = [
  '华鑫',
  '湘南',
  '雁城',
  '衡岳',
  '蒸水',
  '耒阳',
  '南岳',
  '金源',
  '湘江',
  '恒信',
];
const COMPANY_TYPES = ['科技', '电子', '智能装备', '新材料', '医药', '物流', '软件', '能源'];
const OPERATORS = ['衡阳高新投资集团', '衡阳高新区管委会', '湖南某产业园运营有限公司'];

function round(value: number, digits = 7): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function toLonLat(xMetres: number, yMetres: number): Position {
  return [
    round(CENTRE[0] + xMetres / METRES_PER_DEGREE_LON),
    round(CENTRE[1] + yMetres / METRES_PER_DEGREE_LAT),
  ];
}

function rectangle(x0: number, y0: number, x1: number, y1: number): Position[] {
  // Counter-clockwise (RFC 7946 right-hand rule for an outer ring).
  return [toLonLat(x0, y0), toLonLat(x1, y0), toLonLat(x1, y1), toLonLat(x0, y1), toLonLat(x0, y0)];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function integer(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** The source of the generated stages (`history`). */
const BENCH_SOURCE = { title: '基准测试数据', file: 'generated.txt', quote: '基准测试数据' };

function statusDate(random: () => number): string {
  const year = integer(random, 2019, 2025);
  const month = integer(random, 1, 12);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Generates the collection and what the runner needs to know about it. */
export function generate(
  n: number,
  seed = 20261123,
): { collection: ParkFeatureCollection; meta: GeneratedMeta } {
  const zones: ParkFeature[] = [];
  const parks: ParkFeature[] = [];
  const buildings: ParkFeature[] = [];
  const stream = generateFeatures(n, seed);
  for (let next = stream.next(); ; next = stream.next()) {
    if (next.done) {
      return {
        collection: { type: 'FeatureCollection', features: [...zones, ...parks, ...buildings] },
        meta: next.value,
      };
    }
    const feature = next.value;
    const kind = feature.properties.kind;
    (kind === 'zone' ? zones : kind === 'park' ? parks : buildings).push(feature);
  }
}

/**
 * The same features one at a time, in the order they are made (the zone, then each park followed
 * by its buildings), and the meta at the end: for data too big to hold as one collection.
 */
export function* generateFeatures(
  n: number,
  seed = 20261123,
): Generator<ParkFeature, GeneratedMeta, undefined> {
  const random = mulberry32(seed ^ n);
  const parkCount = Math.max(1, Math.ceil(n / BUILDINGS_PER_PARK));
  const columns = Math.ceil(Math.sqrt(parkCount));
  const rows = Math.ceil(parkCount / columns);
  const width = columns * PARK_SPACING_M;
  const height = rows * PARK_SPACING_M;
  const originX = -width / 2;
  const originY = -height / 2;

  const zone: ParkFeature = {
    type: 'Feature',
    id: 'z1',
    geometry: {
      type: 'Polygon',
      coordinates: [
        rectangle(originX - 300, originY - 300, originX + width + 300, originY + height + 300),
      ],
    },
    properties: {
      kind: 'zone',
      name: '衡阳基准高新技术产业开发区',
      'name:en': 'Hengyang Benchmark High-tech Zone',
      operator: '衡阳高新区管委会',
      landArea: Math.round((width + 600) * (height + 600)),
      industries: INDUSTRIES.slice(0, 5),
      contact: { phone: '0734-0000000' },
      address: '衡阳市雁峰区',
      approximate: true,
    },
  };
  yield zone;
  let parkTotal = 0;
  let featureTotal = 1;
  const probes: Probe[] = [];
  let holes = 0;
  let buildingNumber = 0;
  for (let park = 0; park < parkCount; park++) {
    const column = park % columns;
    const row = Math.floor(park / columns);
    const parkX = originX + column * PARK_SPACING_M + 60;
    const parkY = originY + row * PARK_SPACING_M + 60;
    const parkSize = PARK_GRID * BUILDING_SPACING_M;
    const parkId = `p${park + 1}`;
    const parkName = `园区${park + 1}`;
    const parkIndustries = [pick(random, INDUSTRIES), pick(random, INDUSTRIES)];
    parkTotal += 1;
    featureTotal += 1;
    yield {
      type: 'Feature',
      id: parkId,
      geometry: {
        type: 'Polygon',
        coordinates: [rectangle(parkX, parkY, parkX + parkSize, parkY + parkSize)],
      },
      properties: {
        kind: 'park',
        parent: 'z1',
        name: parkName,
        'name:en': `Park ${park + 1}`,
        status: pick(random, ['operating', 'completed', 'under_construction'] as const),
        statusDate: statusDate(random),
        industries: [...new Set(parkIndustries)],
        operator: pick(random, OPERATORS),
        landArea: Math.round(parkSize * parkSize),
        investment: integer(random, 5, 80) * 100_000_000,
        capacity: integer(random, 50, 300),
        approximate: true,
      },
    };
    const inThisPark = Math.min(BUILDINGS_PER_PARK, n - park * BUILDINGS_PER_PARK);
    for (let index = 0; index < inThisPark; index++) {
      buildingNumber += 1;
      const cellX = parkX + (index % PARK_GRID) * BUILDING_SPACING_M + BUILDING_SPACING_M / 2;
      const cellY =
        parkY + Math.floor(index / PARK_GRID) * BUILDING_SPACING_M + BUILDING_SPACING_M / 2;
      const centreX = cellX + (random() - 0.5) * 8;
      const centreY = cellY + (random() - 0.5) * 8;
      const radius = 12 + random() * 10;
      const vertices = integer(random, 8, 12);
      const rotation = random() * Math.PI * 2;
      const ring: Position[] = [];
      let area = 0;
      let previous: [number, number] | undefined;
      let first: [number, number] | undefined;
      for (let vertex = 0; vertex < vertices; vertex++) {
        // Star-convex around the centre: evenly spread angles, jittered radius (0.75–1.0).
        const angle = rotation + ((vertex + (random() - 0.5) * 0.5) / vertices) * Math.PI * 2;
        const r = radius * (0.75 + random() * 0.25);
        const point: [number, number] = [
          centreX + Math.cos(angle) * r,
          centreY + Math.sin(angle) * r,
        ];
        if (previous) area += previous[0] * point[1] - point[0] * previous[1];
        first ??= point;
        previous = point;
        ring.push(toLonLat(point[0], point[1]));
      }
      area += previous![0] * first![1] - first![0] * previous![1];
      ring.push(ring[0]!);
      const coordinates: Position[][] = [ring];
      const hasHole = random() < 0.1;
      if (hasHole) {
        holes += 1;
        const h = radius * 0.3;
        // A courtyard, clockwise (an inner ring).
        coordinates.push([
          toLonLat(centreX - h, centreY - h),
          toLonLat(centreX - h, centreY + h),
          toLonLat(centreX + h, centreY + h),
          toLonLat(centreX + h, centreY - h),
          toLonLat(centreX - h, centreY - h),
        ]);
      }
      const footprint = Math.abs(area) / 2 - (hasHole ? (radius * 0.6) ** 2 : 0);
      const floors = integer(random, 1, 24);
      const tenantCount = integer(random, 0, 3);
      const id = `b${buildingNumber}`;
      const name = `${parkName}-${index + 1}号楼`;
      featureTotal += 1;
      // The first of the literal's random draws, in the same order: the data is as before.
      const status = pick(random, STATUSES);
      const date = statusDate(random);
      yield {
        type: 'Feature',
        id,
        geometry: { type: 'Polygon', coordinates },
        properties: {
          kind: 'building',
          parent: parkId,
          name,
          'name:en': `Park ${park + 1} Building ${index + 1}`,
          status,
          statusDate: date,
          floors,
          height: Math.round(floors * 3.6 * 10) / 10,
          floorArea: Math.round(footprint * floors),
          investment: integer(random, 2, 500) * 1_000_000,
          industries: [pick(random, parkIndustries)],
          tenants: Array.from({ length: tenantCount }, () => ({
            name: `衡阳${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_TYPES)}有限公司`,
            industry: pick(random, INDUSTRIES),
            since: String(integer(random, 2015, 2025)),
          })),
          approximate: true,
          // Two stages (no random draw): planned the year before, then the status of now, so a
          // date change (`date`) recolours, hides and shows buildings in the benchmark.
          history: [
            { date: String(Number(date.slice(0, 4)) - 1), status: 'planned', source: BENCH_SOURCE },
            { date, status, source: BENCH_SOURCE },
          ],
        },
      };
      if (!hasHole)
        probes.push({ id, name, centroid: toLonLat(centreX, centreY) as [number, number] });
    }
  }
  // The probes: the buildings nearest the middle of the data (the map opens framing everything).
  probes.sort((a, b) => distance(a.centroid) - distance(b.centroid));
  const west = CENTRE[0] + (originX - 300) / METRES_PER_DEGREE_LON;
  const east = CENTRE[0] + (originX + width + 300) / METRES_PER_DEGREE_LON;
  const south = CENTRE[1] + (originY - 300) / METRES_PER_DEGREE_LAT;
  const north = CENTRE[1] + (originY + height + 300) / METRES_PER_DEGREE_LAT;
  return {
    n,
    seed,
    features: featureTotal,
    parks: parkTotal,
    holes,
    bbox: [round(west), round(south), round(east), round(north)],
    probes: probes.slice(0, 20),
  };
}

function distance(position: [number, number]): number {
  return Math.hypot(position[0] - CENTRE[0], position[1] - CENTRE[1]);
}

/** The parcels scenario's name: its data file is `parcels-150k.geojson`. */
export const PARCELS_SCENARIO = 'parcels-150k';
const PARCELS = 200;
const PARCELS_PER_PARK = 20;
const PARCEL_VERTICES = 750;
/** Metres between parcel centres (5 × 4 parcels a park, parks on a 5 × 2 grid). */
const PARCEL_SPACING_M = 420;

export interface ParcelsMeta extends GeneratedMeta {
  /** The kind of the features the runner clicks and filters: plots here, buildings elsewhere. */
  itemKind: 'plot';
  vertices: number;
}

/**
 * Detailed land-parcel outlines: 200 plots of ≈ 750 vertices each (150 000 in all) in 10 parks of
 * one zone. Each outline is star-shaped around its centre (angles strictly increasing, radius
 * always positive), so it never crosses itself, but its radius wanders on several scales like a
 * surveyed boundary along roads, ditches and field edges. No holes.
 */
export function generateParcels(seed = 20261207): {
  collection: ParkFeatureCollection;
  meta: ParcelsMeta;
} {
  const random = mulberry32(seed);
  const parkColumns = 5;
  const parkCount = PARCELS / PARCELS_PER_PARK;
  const parkRows = Math.ceil(parkCount / parkColumns);
  const plotColumns = 5;
  const plotRows = PARCELS_PER_PARK / plotColumns;
  const parkWidth = plotColumns * PARCEL_SPACING_M;
  const parkHeight = plotRows * PARCEL_SPACING_M;
  const gap = 150;
  const width = parkColumns * (parkWidth + gap);
  const height = parkRows * (parkHeight + gap);
  const originX = -width / 2;
  const originY = -height / 2;
  const features: ParkFeature[] = [
    {
      type: 'Feature',
      id: 'z1',
      geometry: {
        type: 'Polygon',
        coordinates: [
          rectangle(originX - 300, originY - 300, originX + width + 300, originY + height + 300),
        ],
      },
      properties: { kind: 'zone', name: '衡阳地块基准园区' },
    },
  ];
  const probes: Probe[] = [];
  let vertexTotal = 0;
  for (let park = 0; park < parkCount; park++) {
    const parkX = originX + (park % parkColumns) * (parkWidth + gap);
    const parkY = originY + Math.floor(park / parkColumns) * (parkHeight + gap);
    const parkId = `p${park + 1}`;
    features.push({
      type: 'Feature',
      id: parkId,
      geometry: {
        type: 'Polygon',
        coordinates: [rectangle(parkX, parkY, parkX + parkWidth, parkY + parkHeight)],
      },
      properties: { kind: 'park', parent: 'z1', name: `园区${park + 1}` },
    });
    for (let index = 0; index < PARCELS_PER_PARK; index++) {
      const centreX =
        parkX +
        (index % plotColumns) * PARCEL_SPACING_M +
        PARCEL_SPACING_M / 2 +
        (random() - 0.5) * 20;
      const centreY =
        parkY +
        Math.floor(index / plotColumns) * PARCEL_SPACING_M +
        PARCEL_SPACING_M / 2 +
        (random() - 0.5) * 20;
      const vertices = PARCEL_VERTICES + integer(random, -10, 10);
      const radius = 120 + random() * 50;
      // A few waves of different lengths and phases, plus per-vertex jitter (a survey's noise).
      const waves = Array.from({ length: 4 }, (_, w) => ({
        frequency: integer(random, 2 + w * 4, 5 + w * 8),
        amplitude: (0.12 / (w + 1)) * random(),
        phase: random() * Math.PI * 2,
      }));
      const ring: Position[] = [];
      for (let vertex = 0; vertex < vertices; vertex++) {
        // Counter-clockwise, angles strictly increasing (jitter below half a step).
        const angle = ((vertex + (random() - 0.5) * 0.6) / vertices) * Math.PI * 2;
        let r = 1;
        for (const wave of waves)
          r += wave.amplitude * Math.sin(wave.frequency * angle + wave.phase);
        r = radius * (r + (random() - 0.5) * 0.02);
        ring.push(toLonLat(centreX + Math.cos(angle) * r, centreY + Math.sin(angle) * r));
      }
      ring.push(ring[0]!);
      vertexTotal += ring.length;
      const id = `plot${park + 1}-${index + 1}`;
      const name = `${park + 1}号园区${index + 1}号地块`;
      features.push({
        type: 'Feature',
        id,
        geometry: { type: 'Polygon', coordinates: [ring] },
        properties: { kind: 'plot', name, parent: parkId },
      });
      probes.push({ id, name, centroid: toLonLat(centreX, centreY) as [number, number] });
    }
  }
  probes.sort((a, b) => distance(a.centroid) - distance(b.centroid));
  const west = CENTRE[0] + (originX - 300) / METRES_PER_DEGREE_LON;
  const east = CENTRE[0] + (originX + width + 300) / METRES_PER_DEGREE_LON;
  const south = CENTRE[1] + (originY - 300) / METRES_PER_DEGREE_LAT;
  const north = CENTRE[1] + (originY + height + 300) / METRES_PER_DEGREE_LAT;
  return {
    collection: { type: 'FeatureCollection', features },
    meta: {
      n: PARCELS,
      seed,
      features: features.length,
      parks: parkCount,
      holes: 0,
      bbox: [round(west), round(south), round(east), round(north)],
      probes: probes.slice(0, 20),
      itemKind: 'plot',
      vertices: vertexTotal,
    },
  };
}
