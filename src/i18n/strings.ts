// The UI string table (zh-CN and en) and the labels of the schema's kinds, statuses and figures.
// Both languages are checked against one key set at compile time: a missing or extra key fails tsc.

import type { FigureKey, Kind, Status } from '../data/types';
import type { Lang } from './lang';
import { formatNumber } from './number';

/**
 * A message whose wording depends on a `count` parameter, by CLDR plural category
 * (Intl.PluralRules). `other` is required; Chinese needs only `other`.
 */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralMessage;

const zhCN = {
  mapLabel: '产业园区地图',
  close: '关闭',
  details: '详情',
  legend: '图例',
  status: '状态',
  progress: '进度',
  progressValue: '已完成{percent}',
  statusDate: '日期',
  statusNote: '进展说明',
  operator: '运营方',
  tenants: '入驻企业',
  tenantSince: '入驻时间',
  industry: '行业',
  industries: '产业方向',
  figures: '数据',
  targets: '目标（计划）',
  targetNote: '以下为计划或目标数字，并非已实现数据',
  sources: '来源',
  contact: '联系方式',
  phone: '电话',
  website: '网址',
  address: '地址',
  parent: '所属',
  children: '包含',
  mapSummary: '地图显示 {count} 个要素：{kinds}。可用侧边列表浏览全部要素。',
  statistics: '统计数据',
  targetTag: '目标',
  nameEn: '英文名',
  kind: '类型',
  approximate: '位置为示意',
  computed: '计算值',
  loading: '正在加载地图…',
  loadingData: '正在加载数据…',
  loadFailed: '数据加载失败：{reason}',
  dataProblems: { other: '{count}个数据问题' },
  showProblems: '查看',
  hideProblems: '收起',
  problemTimes: '{count} 处',
  listFirst: { other: '列出前 {count} 处' },
  moreNotListed: { other: '……另有 {count} 处未列出（元素的 errors 属性包含全部）' },
  noFeatures: '没有可显示的要素',
  webglUnavailable: '此浏览器无法显示地图（WebGL 不可用）',
  contextLost: '图形处理暂时中断，地图正在恢复…',
  selectHint: '点击楼栋或园区查看详情',
  unknownStatus: '未注明状态',
  list: '列表',
  search: '搜索',
  searchPlaceholder: '搜索园区、楼栋或企业',
  loadedOnly: '搜索、列表和合计仅包含地图目前已加载的要素，平移或缩放后更新。',
  filters: '筛选',
  clearFilters: '清除筛选',
  allStatuses: '全部状态',
  allIndustries: '全部产业',
  allZones: '全部园区',
  resultCount: { other: '共{count}项' },
  showMore: { other: '再显示{count}项（尚有{total}项）' },
  noResults: '没有符合条件的结果',
  shownCount: { other: '显示 {count} / {total} 项' },
  totalsTitle: '合计',
  totalParks: '产业园',
  totalBuildings: '楼栋',
  totalInvestment: '投资额',
  totalJobs: '就业岗位',
  notStated: '资料未载',
  totalCompanies: '企业',
  statusFacet: '状态',
  kindFacet: '类型',
  industryFacet: '产业',
  zoneFacet: '所在园区',
  noStatusChoice: '未注明状态',
  investmentRange: '投资额（亿元）',
  floorAreaRange: '建筑面积（平方米）',
  rangeMin: '最小',
  rangeMax: '最大',
  sortBy: '排序',
  sortName: '名称',
  sortInvestment: '投资额',
  sortFloorArea: '建筑面积',
  sortProgress: '进度',
  expand: '展开',
  collapse: '收起',
  exportCsv: '导出 CSV',
  exportGeoJson: '导出 GeoJSON',
  exportImage: '导出图片',
  share: '复制链接',
  shareCopied: '链接已复制',
  searchResults: '搜索结果',
  tenantMatch: '入驻企业：{name}',
  showList: '显示列表',
  hideList: '隐藏列表',
  viewMode: '视图',
  selectedAnnounce: '已选中：{name}',
  filterAnnounce: { other: '筛选后显示 {count} 项' },
  zoomIn: '放大',
  zoomOut: '缩小',
  resetNorth: '指北',
  fullscreen: '全屏',
  exitFullscreen: '退出全屏',
  fitAll: '显示全部',
  view2d: '平面',
  view3d: '三维',
  measure: '测量',
  measureDistance: '测距离',
  measureArea: '测面积',
  measureFinish: '完成',
  measureUndo: '撤销上一点',
  measureClear: '清除',
  measureExport: '导出 GeoJSON',
  measureHint: '点击地图添加点，按 Enter 完成，按 Esc 取消',
  length: '长度',
  area: '面积',
  perimeter: '周长',
  floorAreaRatio: '容积率',
  buildingCoverage: '建筑密度',
  tools: '测量工具',
  measureNone: '浏览',
  measureParcel: '测地块',
  measureThis: '测量此要素',
  measureCopy: '复制 GeoJSON',
  measureCopied: '已复制到剪贴板',
  measureRemove: '删除此测量',
  measureResults: '测量结果',
  measureDistanceHint: '点击地图添加点，双击或按 Enter 完成，Backspace 撤销上一点，Esc 取消',
  measureAreaHint: '点击地图添加顶点，点击第一个点或按 Enter 完成，Backspace 撤销上一点，Esc 取消',
  measureParcelHint: '点击园区、地块或楼栋，测量其面积',
  unit: '单位',
  unitAuto: '自动',
  statedArea: '登记面积',
  measuredArea: '实测面积',
  totalFloorArea: '总建筑面积',
  footprintArea: '建筑基底面积',
  lowerBound: '部分楼栋缺少层数，此值为下限',
  attribution: '数据来源',
} as const;

/** Every key of the UI string table. */
export type MessageKey = keyof typeof zhCN;

export const messages = {
  'zh-CN': zhCN,
  en: {
    mapLabel: 'Industrial park map',
    close: 'Close',
    details: 'Details',
    legend: 'Legend',
    status: 'Status',
    progress: 'Progress',
    progressValue: '{percent} complete',
    statusDate: 'As of',
    statusNote: 'Status note',
    operator: 'Operator',
    tenants: 'Tenants',
    tenantSince: 'Since',
    industry: 'Industry',
    industries: 'Industries',
    figures: 'Figures',
    targets: 'Targets (stated goals)',
    targetNote: 'Stated goals, not achieved figures',
    sources: 'Sources',
    contact: 'Contact',
    phone: 'Phone',
    website: 'Website',
    address: 'Address',
    parent: 'Part of',
    children: 'Contains',
    mapSummary:
      'The map shows {count} features: {kinds}. The side list gives every feature without the map.',
    statistics: 'Statistics',
    targetTag: 'goal',
    nameEn: 'English name',
    kind: 'Type',
    approximate: 'Approximate location',
    computed: 'computed',
    loading: 'Loading map…',
    loadingData: 'Loading data…',
    loadFailed: 'Could not load the data: {reason}',
    dataProblems: { one: '{count} data problem', other: '{count} data problems' },
    showProblems: 'Show',
    hideProblems: 'Hide',
    problemTimes: '{count} ×',
    listFirst: { one: 'List the first', other: 'List the first {count}' },
    moreNotListed: {
      one: "… and {count} more not listed (the element's errors property holds them all)",
      other: "… and {count} more not listed (the element's errors property holds them all)",
    },
    noFeatures: 'Nothing to show',
    webglUnavailable: 'This browser cannot show the map (WebGL unavailable)',
    contextLost: 'The graphics were interrupted; the map is coming back…',
    selectHint: 'Click a building or park to see details',
    unknownStatus: 'Status not stated',
    list: 'List',
    search: 'Search',
    searchPlaceholder: 'Search parks, buildings or companies',
    loadedOnly:
      'Search, list and totals cover only the features the map has loaded so far; they follow as you pan and zoom.',
    filters: 'Filters',
    clearFilters: 'Clear filters',
    allStatuses: 'All statuses',
    allIndustries: 'All industries',
    allZones: 'All zones',
    resultCount: { one: '{count} result', other: '{count} results' },
    showMore: {
      one: 'Show {count} more ({total} not shown)',
      other: 'Show {count} more ({total} not shown)',
    },
    noResults: 'No matching results',
    shownCount: { one: 'Showing {count} of {total}', other: 'Showing {count} of {total}' },
    totalsTitle: 'Totals',
    totalParks: 'Parks',
    totalBuildings: 'Buildings',
    totalInvestment: 'Investment',
    totalJobs: 'Jobs',
    notStated: 'not stated',
    totalCompanies: 'Companies',
    statusFacet: 'Status',
    kindFacet: 'Type',
    industryFacet: 'Industry',
    zoneFacet: 'Zone or park',
    noStatusChoice: 'Status not stated',
    investmentRange: 'Investment (CNY million)',
    floorAreaRange: 'Floor area (m²)',
    rangeMin: 'Min',
    rangeMax: 'Max',
    sortBy: 'Sort by',
    sortName: 'Name',
    sortInvestment: 'Investment',
    sortFloorArea: 'Floor area',
    sortProgress: 'Progress',
    expand: 'Expand',
    collapse: 'Collapse',
    exportCsv: 'Export CSV',
    exportGeoJson: 'Export GeoJSON',
    exportImage: 'Export image',
    share: 'Copy link',
    shareCopied: 'Link copied',
    searchResults: 'Search results',
    tenantMatch: 'Tenant: {name}',
    showList: 'Show list',
    hideList: 'Hide list',
    viewMode: 'View',
    selectedAnnounce: 'Selected: {name}',
    filterAnnounce: {
      one: 'The filters leave {count} item',
      other: 'The filters leave {count} items',
    },
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetNorth: 'Reset bearing to north',
    fullscreen: 'Toggle fullscreen',
    exitFullscreen: 'Exit fullscreen',
    fitAll: 'Show all',
    view2d: '2D',
    view3d: '3D',
    measure: 'Measure',
    measureDistance: 'Measure distance',
    measureArea: 'Measure area',
    measureFinish: 'Finish',
    measureUndo: 'Undo last point',
    measureClear: 'Clear',
    measureExport: 'Export GeoJSON',
    measureHint: 'Click the map to add points, Enter to finish, Esc to cancel',
    length: 'Length',
    area: 'Area',
    perimeter: 'Perimeter',
    floorAreaRatio: 'Floor area ratio',
    buildingCoverage: 'Building coverage',
    tools: 'Measuring tools',
    measureNone: 'Browse',
    measureParcel: 'Measure a parcel',
    measureThis: 'Measure this',
    measureCopy: 'Copy GeoJSON',
    measureCopied: 'Copied to the clipboard',
    measureRemove: 'Remove this measurement',
    measureResults: 'Measurements',
    measureDistanceHint:
      'Click the map to add points; double-click or Enter to finish, Backspace to undo a point, Esc to cancel',
    measureAreaHint:
      'Click the map to add corners; click the first point or press Enter to finish, Backspace to undo a point, Esc to cancel',
    measureParcelHint: 'Click a park, plot or building to measure it',
    unit: 'Unit',
    unitAuto: 'Auto',
    statedArea: 'Stated area',
    measuredArea: 'Measured area',
    totalFloorArea: 'Total floor area',
    footprintArea: 'Building footprint',
    lowerBound: 'Some buildings lack a floor count: this is a lower bound',
    attribution: 'Data sources',
  },
} as const satisfies Record<Lang, Record<MessageKey, Message>>;

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'en' ? 'en-US' : 'zh-CN');
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/**
 * The message `key` in `lang`, with `{name}` placeholders replaced by `params`. Numbers are
 * formatted for the language ("1,200" in English); a numeric `count` also picks the plural form.
 * A placeholder without a parameter stays as written, so a mistake shows rather than vanishes.
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const message: Message = messages[lang][key];
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const count = params['count'];
    const category = typeof count === 'number' ? pluralCategory(lang, count) : 'other';
    template = message[category] ?? message.other;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!Object.hasOwn(params, name)) return placeholder;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value, lang) : String(value);
  });
}

const KIND_LABELS = {
  'zh-CN': {
    zone: '开发区',
    park: '产业园',
    plot: '地块',
    building: '楼栋',
    project: '项目',
  },
  en: {
    zone: 'Development zone',
    park: 'Park',
    plot: 'Plot',
    building: 'Building',
    project: 'Project',
  },
} as const satisfies Record<Lang, Record<Kind, string>>;

const STATUS_LABELS = {
  'zh-CN': {
    planned: '规划中',
    signed: '已签约',
    under_construction: '在建',
    topped_out: '已封顶',
    fitting_out: '装修中',
    completed: '已竣工',
    operating: '运营中',
  },
  en: {
    planned: 'Planned',
    signed: 'Signed',
    under_construction: 'Under construction',
    topped_out: 'Topped out',
    fitting_out: 'Fitting out',
    completed: 'Completed',
    operating: 'Operating',
  },
} as const satisfies Record<Lang, Record<Status, string>>;

const FIGURE_LABELS = {
  'zh-CN': {
    investment: '投资额',
    annualOutput: '年产值',
    annualTax: '年税收',
    floorArea: '建筑面积',
    landArea: '占地面积',
    floors: '层数',
    height: '高度',
    buildingCount: '楼栋数',
    capacity: '可容纳企业',
    jobs: '就业岗位',
  },
  en: {
    investment: 'Investment',
    annualOutput: 'Annual output',
    annualTax: 'Annual tax',
    floorArea: 'Floor area',
    landArea: 'Land area',
    floors: 'Floors',
    height: 'Height',
    buildingCount: 'Buildings',
    capacity: 'Companies hosted',
    jobs: 'Jobs',
  },
} as const satisfies Record<Lang, Record<FigureKey, string>>;

/** The name of a feature kind: 开发区 / Development zone, 产业园 / Park… */
export function kindLabel(kind: Kind, lang: Lang): string {
  return KIND_LABELS[lang][kind];
}

/** The name of a construction status: 在建 / Under construction… */
export function statusLabel(status: Status, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

/** The name of a figure: 投资额 / Investment… */
export function figureLabel(key: FigureKey, lang: Lang): string {
  return FIGURE_LABELS[lang][key];
}
