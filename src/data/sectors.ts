// The industry taxonomy: the raw `industries` tags of the data, as the seeds word them, grouped
// into a few sectors (guided by GB/T 4754-2017 国民经济行业分类 and the zones' own 主导产业), each
// with a Chinese and an English label; and an English label for every seed tag. The English is our
// translation. A tag we do not know (a user's own data) falls into "other" and keeps its spelling.
// Pure, no DOM; loaded with the data chunk and the details chunk, never on the first load.
import type { Lang } from '../i18n/lang.js';

export const SECTORS = [
  'electronics',
  'next-gen-it',
  'software-cloud',
  'ai-data',
  'smart-manufacturing',
  'power-equipment',
  'new-materials',
  'e-commerce',
  'culture-tourism',
  'logistics',
  'business-services',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, Record<Lang, string>> = {
  electronics: { 'zh-CN': '电子信息', en: 'Electronic information' },
  'next-gen-it': { 'zh-CN': '新一代信息技术', en: 'Next-generation IT and communications' },
  'software-cloud': { 'zh-CN': '软件与信息服务', en: 'Software and information services' },
  'ai-data': { 'zh-CN': '人工智能与大数据', en: 'Artificial intelligence and big data' },
  'smart-manufacturing': { 'zh-CN': '智能制造与工业设计', en: 'Smart manufacturing and design' },
  'power-equipment': { 'zh-CN': '电力装备', en: 'Power equipment' },
  'new-materials': { 'zh-CN': '新材料', en: 'New materials' },
  'e-commerce': { 'zh-CN': '电子商务与直播', en: 'E-commerce and live streaming' },
  'culture-tourism': { 'zh-CN': '文化创意与文旅', en: 'Culture, creative industries and tourism' },
  logistics: { 'zh-CN': '现代物流', en: 'Modern logistics' },
  'business-services': { 'zh-CN': '商务与金融服务', en: 'Business and financial services' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** Every industry tag of the seed data: its sector and our English for it. */
const TAGS: Record<string, [Sector, string]> = {
  电子信息: ['electronics', 'electronic information'],
  电气: ['electronics', 'electrical equipment'],
  液晶显示屏: ['electronics', 'LCD screens'],
  新一代信息技术: ['next-gen-it', 'next-generation information technology'],
  新一代通信技术: ['next-gen-it', 'next-generation communication technology'],
  '5G': ['next-gen-it', '5G'],
  工业互联网: ['next-gen-it', 'industrial internet'],
  区块链: ['next-gen-it', 'blockchain'],
  IT: ['software-cloud', 'IT'],
  软件: ['software-cloud', 'software'],
  云计算: ['software-cloud', 'cloud computing'],
  云服务: ['software-cloud', 'cloud services'],
  数字经济: ['software-cloud', 'digital economy'],
  人工智能: ['ai-data', 'artificial intelligence'],
  AI: ['ai-data', 'AI'],
  大数据: ['ai-data', 'big data'],
  智能制造: ['smart-manufacturing', 'smart manufacturing'],
  云制造: ['smart-manufacturing', 'cloud manufacturing'],
  工业设计: ['smart-manufacturing', 'industrial design'],
  云设计: ['smart-manufacturing', 'cloud design'],
  电力设备制造: ['power-equipment', 'power equipment manufacturing'],
  电力施工: ['power-equipment', 'power construction'],
  光学玻璃: ['new-materials', 'optical glass'],
  医药包材: ['new-materials', 'pharmaceutical packaging materials'],
  电商: ['e-commerce', 'e-commerce'],
  直播电商: ['e-commerce', 'live-streaming e-commerce'],
  电商培训: ['e-commerce', 'e-commerce training'],
  文化创意: ['culture-tourism', 'cultural and creative industries'],
  文化产业: ['culture-tourism', 'cultural industry'],
  文旅: ['culture-tourism', 'culture and tourism'],
  电竞: ['culture-tourism', 'e-sports'],
  休闲娱乐: ['culture-tourism', 'leisure and entertainment'],
  现代物流: ['logistics', 'modern logistics'],
  物流服务: ['logistics', 'logistics services'],
  金融服务: ['business-services', 'financial services'],
  现代服务业: ['business-services', 'modern services'],
  科技企业孵化器: ['business-services', 'technology business incubation'],
  商务酒店: ['business-services', 'business hotels'],
  高档商业: ['business-services', 'upmarket retail'],
  '5A写字楼': ['business-services', 'grade-A offices'],
  总部小公寓: ['business-services', 'headquarters serviced apartments'],
  会议会务: ['business-services', 'conferences and meetings'],
  产品展示: ['business-services', 'product showrooms'],
};

/** The tag as the filter compares tags: NFKC, trimmed, lower case (as filter.ts's industryKey). */
function tagKey(tag: string): string {
  return tag.normalize('NFKC').trim().toLowerCase();
}

const BY_KEY = new Map<string, [Sector, string]>(
  Object.entries(TAGS).map(([tag, entry]) => [tagKey(tag), entry]),
);

/** The tags this module knows, as the seed data spells them. */
export const KNOWN_TAGS: readonly string[] = Object.keys(TAGS);

/** The sector of a raw industry tag; `other` for a tag we do not know. */
export function sectorOf(tag: string): Sector {
  return BY_KEY.get(tagKey(tag))?.[0] ?? 'other';
}

/** The tag in the reader's language: our English for a known tag, else the tag as written. */
export function industryLabel(tag: string, lang: Lang): string {
  if (lang !== 'en') return tag;
  return BY_KEY.get(tagKey(tag))?.[1] ?? tag;
}

/** The tags this module puts in `sector`, as the seed data spells them (none for `other`). */
export function tagsOf(sector: Sector): string[] {
  return KNOWN_TAGS.filter((tag) => TAGS[tag]![0] === sector);
}

export function isSector(value: string): value is Sector {
  return (SECTORS as readonly string[]).includes(value);
}

export function sectorLabel(sector: Sector, lang: Lang): string {
  return SECTOR_LABELS[sector][lang];
}
