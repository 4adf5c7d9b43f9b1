// Types of the park-map data schema (see data/README.md and data/schema.json).
// GeoJSON types are declared here rather than imported so the library has no @types dependency.

export type Position = number[];

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export const KINDS = ['zone', 'park', 'plot', 'building', 'project'] as const;
export type Kind = (typeof KINDS)[number];

export const STATUSES = [
  'planned',
  'signed',
  'under_construction',
  'topped_out',
  'fitting_out',
  'completed',
  'operating',
] as const;
export type Status = (typeof STATUSES)[number];

/** Figures that are plain numbers in base units (yuan, m², counts, metres). */
export const FIGURE_KEYS = [
  'investment',
  'annualOutput',
  'annualTax',
  'floorArea',
  'landArea',
  'floors',
  'height',
  'buildingCount',
  'capacity',
  'jobs',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Partial<Record<FigureKey, number>>;

/** 约 (about), 余/多/超 (more than), 以上 (at least), 可达 (up to): see ./qualifier-keys.ts. */
export type Qualifier = 'about' | 'more_than' | 'at_least' | 'up_to';

/** Per figure key, its qualifier: `{ floorArea: "more_than" }` for 70万余平方米. */
export type Qualifiers = Partial<Record<string, Qualifier>>;

/** Stated goals: the figures (and extension counts), with their own qualifiers. */
export type Targets = Figures & { qualifiers?: Qualifiers; [key: string]: unknown };

export interface Tenant {
  name: string;
  'name:en'?: string;
  industry?: string;
  'industry:en'?: string;
  /** ISO date (or year / year-month) since when the tenant is there. */
  since?: string;
}

export interface Source {
  /** Title of the seed article (or any publication). */
  title: string;
  /** Seed file name under shared/seeds, where the content came from a seed. */
  file?: string;
  /** Who published it (a newspaper, an agency), as named. */
  publisher?: string;
  /** The byline as printed (文/…, 记者 …, 通讯员 …). */
  author?: string;
  /** ISO date (or year / year-month) of publication. */
  date?: string;
  /** `true` when `date` is inferred from the text rather than printed (shown as such). */
  dateInferred?: boolean;
  /** The words the figures came from, quoted verbatim. */
  quote?: string;
  url?: string;
}

/**
 * One dated stage of a feature's history (`history`, oldest first): what a report said then. The
 * feature's own status, progress and statusDate are the latest stage.
 */
export interface Stage {
  /** As precise as the report: YYYY-MM-DD, YYYY-MM, or YYYY. */
  date: string;
  status?: Status;
  /** Percent 0–100, only where the report states it. */
  progress?: number;
  note?: string;
  /** Our English translation of `note` (see `translation`). */
  'note:en'?: string;
  /** Figures as the report gave them then (same keys and units as the feature's). */
  figures?: Figures;
  /** Where the stage is said, with the words quoted verbatim. */
  source: Source;
}

export interface Contact {
  phone?: string;
  url?: string;
}

export interface ParkProperties extends Figures {
  kind: Kind;
  parent?: string;
  name: string;
  'name:en'?: string;
  status?: Status;
  /** Percent 0–100, only where the source states it. */
  progress?: number;
  /** ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) the status was reported. */
  statusDate?: string;
  statusNote?: string;
  /** English translations of the free texts (see `translation`); the Chinese stays the original. */
  'statusNote:en'?: string;
  industries?: string[];
  tenants?: Tenant[];
  operator?: string;
  'operator:en'?: string;
  /** Per figure (and progress, companies, workers…): 约, 余/多/超, 以上, 可达 as data. */
  qualifiers?: Qualifiers;
  /** Stated goals ("计划…", "力争…"), never facts; `targets.qualifiers` qualifies them. */
  targets?: Targets;
  contact?: Contact;
  sources?: Source[];
  /** Free text describing the place (address, road). */
  address?: string;
  'address:en'?: string;
  /** Who wrote the English (`name:en`, every `…:en`) as a translation: `park-map` for the seeds. */
  translation?: string;
  /** Dated stages, oldest first; the current status and progress are the latest one. */
  history?: Stage[];
  /** True where the geometry is an approximation (see data/README.md). */
  approximate?: boolean;
  [key: string]: unknown;
}

export interface ParkFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: ParkProperties;
}

export interface ParkFeatureCollection {
  type: 'FeatureCollection';
  /** Coordinate system of the positions; WGS84 when absent. */
  coordinateSystem?: CoordinateSystem;
  features: ParkFeature[];
  [key: string]: unknown;
}

export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** One problem found in the data: a value, never an exception. */
export interface DataIssue {
  /** The feature's id, when it has a usable one. */
  featureId?: string;
  /** Index of the feature in `features`, when the problem belongs to one feature. */
  index?: number;
  /** JSON path of the offending value, e.g. `features[3].properties.status`. */
  path: string;
  /** A message a data editor can act on (English). */
  reason: string;
  /** Machine-readable code, e.g. `unknown-status`; with `params` it lets the widget say it in zh-CN too. */
  code: string;
  params?: Record<string, string | number>;
  /** `error`: the feature was left out; `warning`: it was kept (e.g. a value was ignored). */
  severity: 'error' | 'warning';
}

export interface ValidationResult {
  collection: ParkFeatureCollection;
  errors: DataIssue[];
}
