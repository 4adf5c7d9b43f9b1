// Messages for data issues in English and Chinese, built from an issue's code and params, so
// the widget, the CLI and `DataIssue.reason` all say the same thing.

import type { DataIssue } from './types';

export type IssueLang = 'zh-CN' | 'en';
type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const STATUS_ZH = new Map<string, string>([
  ['planned', '规划'],
  ['signed', '已签约'],
  ['under_construction', '在建'],
  ['topped_out', '已封顶'],
  ['fitting_out', '装修中'],
  ['completed', '已竣工'],
  ['operating', '运营中'],
]);

const KIND_ZH = new Map<string, string>([
  ['zone', '开发区'],
  ['park', '园区'],
  ['plot', '地块'],
  ['building', '楼栋'],
  ['project', '项目'],
]);

const UNIT_EN = new Map<string, string>([
  ['yuan', 'yuan'],
  ['m2', 'm²'],
  ['floors', 'storeys'],
  ['m', 'metres'],
  ['buildings', 'buildings'],
  ['companies', 'companies'],
  ['jobs', 'jobs'],
  ['percent', 'percent'],
]);

const UNIT_ZH = new Map<string, string>([
  ['yuan', '元'],
  ['m2', '平方米'],
  ['floors', '层'],
  ['m', '米'],
  ['buildings', '栋'],
  ['companies', '家'],
  ['jobs', '人'],
  ['percent', '%'],
]);

const FOUND_EN = new Map<string, string>([
  ['feature', 'a single Feature'],
  ['array', 'a list'],
  ['string', 'text'],
  ['number', 'a number'],
  ['boolean', 'true/false'],
  ['null', 'null'],
  ['object', 'an object without "type"'],
]);

const FOUND_ZH = new Map<string, string>([
  ['feature', '单个要素（Feature）'],
  ['array', '列表'],
  ['string', '文本'],
  ['number', '数字'],
  ['boolean', '布尔值'],
  ['null', 'null'],
  ['object', '没有 "type" 的对象'],
]);

const foundEn = (p: Params): string =>
  has(p, 'type')
    ? `an object of type "${text(p, 'type')}"`
    : (FOUND_EN.get(text(p, 'found')) ?? text(p, 'found'));
const foundZh = (p: Params): string =>
  has(p, 'type')
    ? `类型为“${text(p, 'type')}”的对象`
    : (FOUND_ZH.get(text(p, 'found')) ?? text(p, 'found'));

const text = (p: Params, key: string): string => String(p[key] ?? '');
const mappingFoundEn = (p: Params): string =>
  p['found'] === 'object' ? 'an object' : (FOUND_EN.get(text(p, 'found')) ?? text(p, 'found'));
const mappingFoundZh = (p: Params): string =>
  p['found'] === 'object' ? '对象' : (FOUND_ZH.get(text(p, 'found')) ?? text(p, 'found'));
const MONEY_KEYS = new Set(['investment', 'annualOutput', 'annualTax']);
const has = (p: Params, key: string): boolean => p[key] !== undefined && p[key] !== '';

const suggestionEn = (p: Params): string =>
  has(p, 'suggestion') ? ` Did you mean "${text(p, 'suggestion')}"?` : '';

const suggestionZh = (p: Params, labels: Map<string, string>): string => {
  if (!has(p, 'suggestion')) return '';
  const label = labels.get(text(p, 'suggestion'));
  return `是否应为“${text(p, 'suggestion')}”${label ? `（${label}）` : ''}？`;
};

const unitEn = (p: Params): string => UNIT_EN.get(text(p, 'unit')) ?? text(p, 'unit');
const unitZh = (p: Params): string => UNIT_ZH.get(text(p, 'unit')) ?? text(p, 'unit');
/** " in yuan" for a known unit, '' for a plain number (an extension target such as talents). */
const inUnitEn = (p: Params): string => (text(p, 'unit') === 'number' ? '' : ` in ${unitEn(p)}`);
const unitNoteEn = (p: Params): string =>
  text(p, 'unit') === 'number' ? '' : ` (${unitEn(p)}${muNoteEn(p)})`;
const unitNoteZh = (p: Params): string =>
  text(p, 'unit') === 'number' ? '' : `（单位：${unitZh(p)}${muNoteZh(p)}）`;
const plainNumberZh = (p: Params): string =>
  text(p, 'unit') === 'number' ? '纯数字' : `以${unitZh(p)}为单位的纯数字`;
const leftOutEn = (p: Params): string =>
  p['leftOut'] === 'entry' ? 'The entry is not shown until then.' : 'It is not shown until then.';
const leftOutZh = (p: Params): string =>
  p['leftOut'] === 'entry' ? '修改前该条目不显示。' : '修改前此项不显示。';
const exampleEn = (p: Params): string =>
  has(p, 'example') ? `, for example ${text(p, 'example')}` : '';
const exampleZh = (p: Params): string => (has(p, 'example') ? `，例如 ${text(p, 'example')}` : '');

const muNoteEn = (p: Params): string => (p['from'] === 'mu' ? '; 1 mu = 10000/15 m²' : '');
const muNoteZh = (p: Params): string => (p['from'] === 'mu' ? '，1 亩 = 10000/15 平方米' : '');
/** A mapping warning's count in English: "1 feature", "339 features". */
const one = (p: Params): boolean => Number(p['count']) === 1;
const featuresEn = (p: Params): string => (one(p) ? '1 feature' : `${text(p, 'count')} features`);
/** The first examples, with "…" when there are more. */
const examplesEn = (p: Params): string =>
  `${text(p, 'examples')}${Number(p['count']) > 3 ? ', …' : ''}`;
const point = (p: Params): string => `[${text(p, 'lon')}, ${text(p, 'lat')}]`;

/** What projected metres probably are (params from guessProjected, see crs/known.ts), and how to say so. */
function projectedGuessEn(p: Params): string {
  const how = (code: string): string =>
    `say so with coords="${code}" on the element (or \`park-map validate --coords ${code}\`, or a "crs" member in the file), or convert the file with \`ogr2ogr -t_srs EPSG:4326\`.`;
  switch (p['guess']) {
    case 'web-mercator':
      return `probably Web Mercator (EPSG:3857); ${how('EPSG:3857')}`;
    case 'gk-zone':
      return `probably CGCS2000 Gauss–Krüger, ${text(p, 'width')}° zone ${text(p, 'zone')} (central meridian ${text(p, 'cm')}°E, the zone number in the easting: ${text(p, 'code')}); ${how(text(p, 'code'))}`;
    case 'gk-cm':
      return 'probably Gauss–Krüger without the zone number in the easting, whose central meridian cannot be told from the numbers. Give it: e.g. coords="EPSG:4547" for CGCS2000 3° zones at 114°E (EPSG:4534 + (meridian − 75) / 3; 6° zones: EPSG:4502 + (meridian − 75) / 6), or convert the file with `ogr2ogr -t_srs EPSG:4326`.';
    default:
      return 'the system cannot be told from the numbers. Name it with coords="EPSG:…" or a "crs" member in the file, or convert the file with `ogr2ogr -t_srs EPSG:4326`.';
  }
}

function projectedGuessZh(p: Params): string {
  const how = (code: string): string =>
    `请在元素上设置 coords="${code}"（或 \`park-map validate --coords ${code}\`，或在文件中加 "crs" 成员）说明，或用 \`ogr2ogr -t_srs EPSG:4326\` 转换文件。`;
  switch (p['guess']) {
    case 'web-mercator':
      return `可能是 Web 墨卡托（EPSG:3857）。${how('EPSG:3857')}`;
    case 'gk-zone':
      return `可能是 CGCS2000 高斯–克吕格 ${text(p, 'width')}° 带第 ${text(p, 'zone')} 带（中央经线 ${text(p, 'cm')}°E，横坐标带带号：${text(p, 'code')}）。${how(text(p, 'code'))}`;
    case 'gk-cm':
      return '可能是横坐标不带带号的高斯–克吕格投影，无法从数值判断中央经线。请指明，例如中央经线 114°E 的 CGCS2000 3° 带为 coords="EPSG:4547"（EPSG:4534 + (中央经线 − 75) / 3；6° 带为 EPSG:4502 + (中央经线 − 75) / 6），或用 `ogr2ogr -t_srs EPSG:4326` 转换文件。';
    default:
      return '无法从数值判断坐标系。请用 coords="EPSG:…" 或文件中的 "crs" 成员指明，或用 `ogr2ogr -t_srs EPSG:4326` 转换文件。';
  }
}

const QUALIFIER_ZH = new Map<string, string>([
  ['about', '约'],
  ['more_than', '余、多、超'],
  ['at_least', '以上'],
  ['up_to', '可达'],
]);
const QUALIFIER_LIST_EN = 'about, more_than, at_least, up_to';
const QUALIFIER_LIST_ZH = 'about（约）、more_than（余、多、超）、at_least（以上）、up_to（可达）';
const qualifierZh = (value: string): string => {
  const word = QUALIFIER_ZH.get(value);
  return word ? `${value}（${word}）` : value;
};
/** How to keep a figure's 约/余/以上/可达: `"qualifiers": {"floorArea": "more_than"}`. */
const qualifierJson = (p: Params): string =>
  `"qualifiers": {"${text(p, 'key')}": "${text(p, 'qualifier')}"}`;
const qualifierNoteEn = (p: Params): string =>
  has(p, 'qualifier') ? ` and keep the qualifier as ${qualifierJson(p)}` : '';
const qualifierNoteZh = (p: Params): string =>
  has(p, 'qualifier') ? `，并把限定词写作 ${qualifierJson(p)}` : '';
const keySuggestionEn = (p: Params): string =>
  has(p, 'suggestion') ? ` Did you mean "${text(p, 'suggestion')}"?` : '';
const keySuggestionZh = (p: Params): string =>
  has(p, 'suggestion') ? `是否应为“${text(p, 'suggestion')}”？` : '';

/** "Row 5" or "Row 5 of sheet "园区"" (a table's row, as the spreadsheet numbers it). */
const rowEn = (p: Params): string =>
  `Row ${text(p, 'row')}${has(p, 'sheet') ? ` of sheet "${text(p, 'sheet')}"` : ''}`;
const rowZh = (p: Params): string =>
  `${has(p, 'sheet') ? `工作表“${text(p, 'sheet')}”` : ''}第 ${text(p, 'row')} 行`;
const sheetEn = (p: Params): string => (has(p, 'sheet') ? `Sheet "${text(p, 'sheet')}": ` : '');
const sheetZh = (p: Params): string => (has(p, 'sheet') ? `工作表“${text(p, 'sheet')}”：` : '');
const LAT_COLUMN = /纬|北|lat|^y/i;
const coordinateEn = (p: Params): string =>
  LAT_COLUMN.test(text(p, 'column')) ? 'latitude' : 'longitude';
const coordinateZh = (p: Params): string => (LAT_COLUMN.test(text(p, 'column')) ? '纬度' : '经度');

const EN: Record<string, Template> = {
  'empty-file': () => 'The file is empty. Check the URL or export the data again.',
  'load-failed': (p) =>
    `Could not load the data from "${text(p, 'src')}" (${text(p, 'error')}). Check the address, the network, and that the server allows this page to read it (CORS).`,
  'http-error': (p) =>
    `The server answered ${text(p, 'status')} for "${text(p, 'src')}": check the address of the data file.`,
  'html-instead-of-json': (p) =>
    `The server answered with a web page${has(p, 'title') ? ` ("${text(p, 'title')}")` : ''} instead of GeoJSON. Check the URL${has(p, 'url') ? ` (${text(p, 'url')})` : ''}: it may be wrong, or the file may have moved or need a login.`,
  'xml-instead-of-json': () =>
    'The file is XML but not KML (GPX?), so it cannot be read. Convert it to GeoJSON or KML first, for example with QGIS or geojson.io.',
  'unknown-encoding': () =>
    'The file is neither UTF-8 nor GBK text. Save it again as "UTF-8" (in Excel: "CSV UTF-8"; in a text editor: "Save with encoding UTF-8").',
  'utf8-bom': () =>
    'The file starts with a byte-order mark (BOM); it was ignored and the file was read as UTF-8. To avoid this notice, save it as "UTF-8" without BOM.',
  'encoding-utf16': (p) =>
    `The file is ${text(p, 'encoding')} text; it was read as such. Save it as "UTF-8" so that every tool reads it.`,
  'encoding-gbk': () =>
    'The file is GBK-encoded (typical of a Chinese Excel export); it was read as GBK. Save it as "UTF-8" so that every tool reads it.',
  'not-json': (p) =>
    `The file is not valid JSON: ${text(p, 'problem')} at line ${text(p, 'line')}, column ${text(p, 'column')}.${has(p, 'hint') ? ` ${text(p, 'hint')}` : ''}`,
  // Other formats (src/data/formats/): CSV and Excel tables, KML/KMZ, zipped Shapefiles.
  'format-load-failed': (p) =>
    `Could not load the code that reads ${text(p, 'format')} files (${text(p, 'error')}); check the connection and reload the page.`,
  'format-unreadable': (p) =>
    `The file could not be read as ${text(p, 'format')} (${text(p, 'error')}). It may be damaged or cut short: export it again.`,
  'zip-unknown-content': (p) =>
    `The zip file holds no Shapefile (.shp), KML or Excel workbook${has(p, 'entries') ? ` (it holds ${text(p, 'entries')})` : ''}. Zip the .shp with its .dbf, .prj and .cpg files.`,
  'table-no-position-columns': (p) =>
    `${sheetEn(p)}No column gives the positions: name them 经度/纬度 (or lng/lat, lon/lat, longitude/latitude, x/y), or give a WKT column (WKT, geometry). The columns are: ${text(p, 'columns')}.`,
  'table-coordinate-missing': (p) =>
    `${rowEn(p)}: "${text(p, 'column')}" is empty; write the ${coordinateEn(p)} in degrees. The row is left out until then.`,
  'table-coordinate-invalid': (p) =>
    `${rowEn(p)}: "${text(p, 'column')}" is "${text(p, 'value')}", not a number of degrees; write it as a decimal number such as 114.305. The row is left out until then.`,
  'table-wkt-invalid': (p) =>
    `${rowEn(p)}: "${text(p, 'column')}" is "${text(p, 'value')}", which is not WKT such as POINT (114.3 30.6) or POLYGON ((…)). The row is left out until it is corrected.`,
  'table-no-rows': (p) => `${sheetEn(p)}The table has no rows of data below its header.`,
  'kml-invalid': (p) =>
    `The KML file is not well-formed XML (${text(p, 'error')}). Export it again, or open it in Google Earth or QGIS to find the error.`,
  'kmz-no-kml': () =>
    'The KMZ file holds no .kml document (doc.kml). Export it again from Google Earth or QGIS.',
  'shapefile-no-shp': (p) =>
    `The zip file holds no .shp file${has(p, 'entries') ? ` (it holds ${text(p, 'entries')})` : ''}. Zip the .shp with its .dbf, .prj and .cpg files.`,
  'shapefile-no-dbf': (p) =>
    `${text(p, 'file')} has no .dbf file beside it: the features have no attributes (no names). Add the .dbf to the zip.`,
  'shapefile-no-prj': (p) =>
    `${text(p, 'file')} has no .prj file, so its coordinate system is unknown; the positions were read as longitude/latitude (WGS84). Add the .prj to the zip.`,
  'shapefile-cpg-unknown': (p) =>
    `The .cpg of ${text(p, 'file')} names the encoding "${text(p, 'cpg')}", which is not known; the attributes were read as UTF-8 or GBK. Write UTF-8 or GBK in the .cpg.`,
  'shapefile-encoding-guessed': (p) =>
    `${text(p, 'file')} has no .cpg saying how its attribute text is encoded; it is not UTF-8, so it was read as ${text(p, 'encoding')}. If the names look garbled, add a .cpg file holding the encoding (for example BIG5).`,
  'shapefile-crs-differ': (p) =>
    `${text(p, 'file')} has another coordinate system (.prj) than the zip's first Shapefile; its positions were read as if it had the same. Put it in a zip of its own.`,
  'shapefile-layers-merged': (p) =>
    `The zip holds ${text(p, 'count')} Shapefiles (${text(p, 'layers')}); their features are shown together.`,
  'not-feature-collection': (p) =>
    `The data must be a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]}), but it is ${foundEn(p)}.${p['found'] === 'feature' ? ' Put the feature inside the "features" list of a FeatureCollection.' : ''}`,
  'features-not-array': () =>
    'The FeatureCollection has no "features" list. Add "features": [ ... ] holding the features.',
  'unknown-coordinate-system': (p) =>
    `"coordinateSystem" is "${text(p, 'value')}", which is not one of wgs84, gcj02, bd09; the positions were read as WGS84.${suggestionEn(p)}`,
  'coordinate-system-conflict': (p) =>
    `The file says "coordinateSystem": "${text(p, 'file')}" but the page says coords="${text(p, 'option')}"; the file's value was used. Remove one of them.`,
  'unknown-crs': (p) =>
    `The data is in the coordinate reference system "${text(p, 'crs')}", which park-map cannot convert (it knows WGS84, CGCS2000 EPSG:4490, Web Mercator EPSG:3857 and the CGCS2000 Gauss–Krüger zones EPSG:4491–4554). Nothing is drawn rather than drawn at a wrong place. Convert the file to longitude/latitude, e.g. \`ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson\`, or give the system's definition as WKT in the file: "crs": {"type": "wkt", "properties": {"wkt": "PROJCS[…]"}}.`,
  'crs-conflict': (p) =>
    `The file says its coordinate reference system is "${text(p, 'file')}" but the page says coords="${text(p, 'option')}"; the file's system was used. Remove one of them.`,
  'not-a-feature': (p) =>
    `This entry is ${foundEn(p)}, not a GeoJSON Feature ({"type": "Feature", "id": …, "geometry": …, "properties": …}). It is left out.`,
  'missing-id': (p) =>
    `The feature has no "id". Give it a unique text id${has(p, 'propertiesId') ? ` (it has "id": "${text(p, 'propertiesId')}" inside "properties": move it next to "type")` : ''}. It is left out until then.`,
  'id-not-string': (p) =>
    `The id ${text(p, 'value')} is a number; write it as text ("${text(p, 'value')}"). It was read as "${text(p, 'value')}".`,
  'duplicate-id': (p) =>
    `The id "${text(p, 'id')}" is already used by features[${text(p, 'firstIndex')}]. Give each feature its own id. This one is left out.`,
  'missing-properties': () =>
    'The feature has no "properties". Add at least "kind" and "name". It is left out until then.',
  'missing-kind': () =>
    'The feature has no "kind". Write one of zone, park, plot, building, project. It is left out until then.',
  'unknown-kind': (p) =>
    `"${text(p, 'value')}" is not a known kind; use one of zone, park, plot, building, project.${suggestionEn(p)} The feature is left out until then.`,
  'foreign-kind': (p) =>
    `"${text(p, 'value')}" is a kind of OpenStreetMap or of a map-tile schema (the feature has OSM or tile fields), not ours: there a "park" is a green park, not an industrial park. Set default-kind, or map "kind" with a value map in "fields". The feature is left out until then.`,
  // Field mapping (mapping.ts): said once for the file, with how many features and the first ones.
  'guessed-id-field': (p) =>
    `${featuresEn(p)} ${one(p) ? 'has' : 'have'} no "id" of ${one(p) ? 'its' : 'their'} own; ${one(p) ? 'its' : 'their'} "properties.${text(p, 'field')}" was used (${examplesEn(p)}). To say so, set id-field="${text(p, 'field')}".`,
  'generated-ids': (p) =>
    `${featuresEn(p)} ${one(p) ? 'has' : 'have'} no id at all (${examplesEn(p)}); ${one(p) ? 'it was' : 'each was'} given one made from its geometry and properties ("g-…"), the same each time this file loads. Name the field that identifies them with id-field to have ids that survive edits.`,
  'guessed-name-field': (p) =>
    `${featuresEn(p)} ${one(p) ? 'has' : 'have'} no "name"; ${one(p) ? 'its' : 'their'} "${text(p, 'field')}" was used (${examplesEn(p)}). To say so, set name-field="${text(p, 'field')}".`,
  'guessed-parent-adcode': (p) =>
    `${featuresEn(p)} ${one(p) ? 'names its' : 'name their'} parent as an object; its "adcode" was used as the parent's id (${examplesEn(p)}).`,
  'default-kind-applied': (p) =>
    `${Number(p['count']) === 1 ? '1 feature' : `${text(p, 'count')} features`}${has(p, 'value') ? ` of kind "${text(p, 'value')}"` : ' without a kind'} ${Number(p['count']) === 1 ? 'is' : 'are'} shown as "${text(p, 'kind')}" (default-kind); ${Number(p['count']) === 1 ? 'its' : 'their'} own value is kept as "sourceKind" (${text(p, 'examples')}${Number(p['count']) > 3 ? ', …' : ''}).`,
  'guessed-status-value': (p) =>
    `"${text(p, 'field')}": "${text(p, 'value')}" was read as the status ${text(p, 'status')} in ${featuresEn(p)} (${examplesEn(p)}). Give a value map in "fields" to say otherwise.`,
  'field-unit-converted': (p) =>
    `"${text(p, 'field')}" was read as ${text(p, 'property')} in ${text(p, 'unit')} (the field's name says so) and converted ×${text(p, 'factor')} to ${MONEY_KEYS.has(text(p, 'property')) ? 'yuan' : 'm²'} in ${featuresEn(p)}. Give "unit" in "fields" to say otherwise.`,
  'field-qualifier-kept': (p) =>
    `"${text(p, 'field')}": the word "${text(p, 'word')}" beside the number was kept as qualifiers.${text(p, 'property')} = "${text(p, 'qualifier')}" in ${featuresEn(p)} (${examplesEn(p)}); the number is the one stated.`,
  // A field mapping (map.json, the `fields` property) that cannot be used as it is.
  'mapping-not-object': (p) =>
    `${has(p, 'path') ? `"${text(p, 'path')}"` : 'The field mapping'} must be an object in curly brackets, but it is ${mappingFoundEn(p)}. Example: {"id": "adcode", "fields": {"investment": {"field": "投资额", "unit": "亿元"}}}.`,
  'mapping-unknown-key': (p) =>
    `"${text(p, 'key')}" is not a key of a field mapping here; use ${text(p, 'keys')}.${suggestionEn(p)} It was ignored.`,
  'mapping-bad-rule': (p) =>
    `This must name the source's field as text ("投资额") or as {"field": "投资额", "values": {…}, "unit": "亿元"}, but it is ${p['found'] === 'object' ? 'an object without "field"' : mappingFoundEn(p)}. It was ignored.`,
  'mapping-bad-values': (p) =>
    `"values" must map the source's values to ours as text, e.g. {"在建": "under_construction"}, but it is ${p['found'] === 'object' ? 'an object with values that are not text' : mappingFoundEn(p)}. It was ignored.`,
  'mapping-unknown-unit': (p) =>
    `"${text(p, 'value')}" is not a unit park-map converts; use one of ${text(p, 'units')}. It was ignored.`,
  'mapping-bad-kind': (p) =>
    `"${text(p, 'value')}" is not one of our kinds; defaultKind must be one of zone, park, plot, building, project. It was ignored.`,
  'missing-name': () => 'The feature has no "name". Add the name as published.',
  'unknown-status': (p) =>
    `"${text(p, 'value')}" is not a known status; use one of planned, signed, under_construction, topped_out, fitting_out, completed, operating.${suggestionEn(p)} The feature is shown without a status until then.`,
  'figure-as-text': (p) =>
    `"${text(p, 'value')}" is text; write the number ${text(p, 'number')}${unitNoteEn(p)}${qualifierNoteEn(p)}. The figure is not shown until then.`,
  'figure-not-number': (p) =>
    p['found'] === 'too-large'
      ? `The number is too large to read (beyond ±1.8e308, so it became ${text(p, 'value')}); write a plain number${inUnitEn(p)}. The figure is not shown until then.`
      : `"${text(p, 'value')}" is not a number; write a plain number${inUnitEn(p)}. The figure is not shown until then.`,
  'figure-negative': (p) =>
    `${text(p, 'value')} is negative; write a number${text(p, 'unit') === 'number' ? '' : ` of ${unitEn(p)}`} that is zero or more. The figure is not shown until then.`,
  'progress-out-of-range': (p) =>
    `${text(p, 'value')} is outside 0–100; write the percentage as a number from 0 to 100. The progress is not shown until then.`,
  // A feature's history (validate/history.ts): always warnings, the feature stays.
  'history-not-a-list': (p) =>
    `${text(p, 'value')} is not a list; write "history" as a list of stages in square brackets, oldest first, e.g. [{"date": "2020-07-01", "status": "topped_out", "source": {"title": "…", "quote": "…"}}]. The history is not shown until then.`,
  'history-stage-not-object': (p) =>
    `${text(p, 'value')} is not a stage; write each stage as an object in curly brackets, e.g. {"date": "2020-07-01", "status": "topped_out", "source": {"title": "…", "quote": "…"}}. It is not shown until then.`,
  'history-bad-date': (p) =>
    `${has(p, 'value') ? `"${text(p, 'value')}" is not a date` : 'The stage has no "date"'}; write the date as precisely as the report gives it: YYYY-MM-DD, YYYY-MM or YYYY (e.g. "2020-07-01"). The stage is not shown until then.`,
  'history-out-of-order': (p) =>
    `${text(p, 'value')} is earlier than the stage before it (${text(p, 'previous')}); list the stages oldest first.`,
  'history-duplicate-date': (p) =>
    `The stage before this one has the same date ${text(p, 'value')}; merge the two, or give each its own date.`,
  'history-progress-out-of-range': (p) =>
    `${text(p, 'value')} is outside 0–100; write the stage's progress as a percentage from 0 to 100. It is not shown until then.`,
  'history-progress-decreasing': (p) =>
    `The progress ${text(p, 'value')}% is less than ${text(p, 'previous')}% at ${text(p, 'previousDate')}; progress does not go back: check the figures and the order of the stages.`,
  'history-unknown-status': (p) =>
    `"${text(p, 'value')}" is not a known status; use one of planned, signed, under_construction, topped_out, fitting_out, completed, operating.${suggestionEn(p)} The stage is shown without a status until then.`,
  'history-missing-source': () =>
    'The stage has no source with a "title"; add {"title": "…", "file": "…", "quote": "…"} with the report\'s words quoted verbatim.',
  'history-latest-disagrees': (p) =>
    `The latest stage gives ${text(p, 'field')} ${has(p, 'value') ? `"${text(p, 'value')}"` : '(none)'}, but the feature's ${text(p, 'field')} is ${has(p, 'current') ? `"${text(p, 'current')}"` : '(none)'}; the current properties are the latest stage: make them agree.`,
  // Qualifiers (约, 余, 以上, 可达) kept beside the figures (validate/qualifiers.ts).
  'unknown-qualifier-key': (p) =>
    `"${text(p, 'key')}" is not a figure, so it cannot have a qualifier; name a figure such as investment, floorArea, landArea, jobs, companies or progress.${keySuggestionEn(p)} The qualifier is ignored until then.`,
  'unknown-qualifier': (p) =>
    `"${text(p, 'value')}" is not a qualifier of ${text(p, 'key')}; use one of ${QUALIFIER_LIST_EN}.${suggestionEn(p)} The figure is shown without it until then.`,
  'qualifier-without-figure': (p) =>
    `The qualifier "${text(p, 'value')}" is for ${text(p, 'key')}, which this feature does not state; add the figure or remove the qualifier. It is ignored until then.`,
  'parent-not-string': (p) =>
    `The parent ${text(p, 'value')} is not text; write the id of the containing zone, park or plot as text.`,
  'parent-not-found': (p) =>
    `The parent "${text(p, 'parent')}" is not the id of any feature. Check the spelling, or add that feature.`,
  'parent-left-out': (p) =>
    `The parent "${text(p, 'parent')}" was left out because of its own problems (see its messages); fix it and this link works again.`,
  'parent-cycle': (p) =>
    `The parents form a loop: ${text(p, 'cycle')}. A feature cannot contain itself; correct one of these "parent" values. The features in the loop are left out until then.`,
  'unsafe-key': (p) =>
    `The key "${text(p, 'key')}" is not allowed (it could break the page's scripts); it was removed. Rename it if it holds real data.`,
  'too-deeply-nested': (p) =>
    `"${text(p, 'field')}" holds lists or objects nested more than ${text(p, 'limit')} levels deep, too deep to read safely; it was left out. Flatten it.`,
  'not-a-list': (p) =>
    `${text(p, 'value')} is not a list; write a list in square brackets${exampleEn(p)}. ${leftOutEn(p)}`,
  'not-an-object': (p) =>
    `${text(p, 'value')} is not an object; write it in curly brackets${exampleEn(p)}. ${leftOutEn(p)}`,
  'not-text': (p) =>
    `${text(p, 'value')} is not text; write it in double quotes${exampleEn(p)}. ${leftOutEn(p)}`,
  'missing-field': (p) =>
    `This entry has no "${text(p, 'field')}"; add it as text. The entry is not shown until then.`,
  'missing-geometry': () =>
    'The feature has no geometry (it is missing or null). Draw its outline or give at least a point. It is left out until then.',
  'unsupported-geometry': (p) =>
    `The geometry type "${text(p, 'type')}" is not supported; use Polygon, MultiPolygon or Point. The feature is left out until then.`,
  'empty-geometry': () =>
    'The geometry has no coordinates. Draw its outline or give at least a point. The feature is left out until then.',
  'invalid-position': () =>
    'This position is not a pair of numbers [longitude, latitude]. The feature is left out until it is corrected.',
  'projected-coordinates': (p) =>
    `[${text(p, 'x')}, ${text(p, 'y')}] is in metres, not longitude/latitude degrees: ${projectedGuessEn(p)} The feature is left out until then.`,
  'swapped-coordinates': (p) =>
    `Latitude and longitude seem swapped: GeoJSON wants [longitude, latitude] (this point would be ${point(p)}). Swap the two numbers in every position. The feature is left out until then.`,
  'coordinate-out-of-range': (p) =>
    `${point(p)} is out of range: longitude must be within −180…180 and latitude within −90…90. The feature is left out until it is corrected.`,
  'ring-not-closed': () =>
    'The ring is not closed: its last position must repeat the first. It was closed for display; add the first position again at the end.',
  'ring-too-short': (p) =>
    `The ring has only ${text(p, 'count')} distinct positions; a polygon needs at least 3 corners. The feature is left out until it is corrected.`,
  'line-too-short': () =>
    'The line needs at least 2 positions. The feature is left out until it is corrected.',
  'self-intersection': (p) =>
    `The outline crosses itself near ${point(p)} (segments ${text(p, 'segmentA')} and ${text(p, 'segmentB')}). Redraw it so that edges do not cross. The feature is left out until then.`,
  'rings-intersect': (p) =>
    `Ring ${text(p, 'ring')} crosses ring ${text(p, 'otherRing')} near ${point(p)}. A hole must lie inside the outline without touching it. The feature is left out until it is corrected.`,
};

const ZH: Record<string, Template> = {
  'empty-file': () => '文件是空的。请检查地址，或重新导出数据。',
  'load-failed': (p) =>
    `无法从“${text(p, 'src')}”加载数据（${text(p, 'error')}）。请检查数据地址、网络，以及服务器是否允许本页面读取（CORS）。`,
  'http-error': (p) =>
    `服务器对“${text(p, 'src')}”返回了 ${text(p, 'status')} 错误：请检查数据文件的地址。`,
  'html-instead-of-json': (p) =>
    `服务器返回的是一个网页${has(p, 'title') ? `（“${text(p, 'title')}”）` : ''}，而不是 GeoJSON 数据。请检查数据地址${has(p, 'url') ? `（${text(p, 'url')}）` : ''}：地址可能有误、文件可能已移动或需要登录。`,
  'xml-instead-of-json': () =>
    '文件是 XML 格式但不是 KML（GPX？），无法读取。请先转换为 GeoJSON 或 KML（例如用 QGIS 或 geojson.io）。',
  'unknown-encoding': () =>
    '文件既不是 UTF-8 也不是 GBK 编码的文本。请重新另存为“UTF-8”编码（Excel 中选“CSV UTF-8”，文本编辑器中选“以 UTF-8 编码保存”）。',
  'utf8-bom': () =>
    '文件开头带有字节顺序标记（BOM），已忽略并按 UTF-8 读取。如不想看到此提示，请另存为不带 BOM 的“UTF-8”。',
  'encoding-utf16': (p) =>
    `文件是 ${text(p, 'encoding')} 编码，已按此编码读取。请另存为“UTF-8”，以便各种工具都能读取。`,
  'encoding-gbk': () =>
    '文件是 GBK 编码（中文版 Excel 导出的常见情况），已按 GBK 读取。请另存为“UTF-8”，以便各种工具都能读取。',
  'not-json': (p) =>
    `文件不是有效的 JSON：第 ${text(p, 'line')} 行第 ${text(p, 'column')} 列有错误（${text(p, 'problem')}）。${has(p, 'hintZh') ? text(p, 'hintZh') : '请检查该处的标点符号。'}`,
  'format-load-failed': (p) =>
    `无法加载读取 ${text(p, 'format')} 文件的程序（${text(p, 'error')}），请检查网络后刷新页面。`,
  'format-unreadable': (p) =>
    `无法按 ${text(p, 'format')} 格式读取该文件（${text(p, 'error')}），文件可能已损坏或不完整，请重新导出。`,
  'zip-unknown-content': (p) =>
    `该 zip 压缩包中没有 Shapefile（.shp）、KML 或 Excel 工作簿${has(p, 'entries') ? `（其中是 ${text(p, 'entries')}）` : ''}。请把 .shp 与同名的 .dbf、.prj、.cpg 文件一起压缩。`,
  'table-no-position-columns': (p) =>
    `${sheetZh(p)}没有给出位置的列：请把列名写作“经度”“纬度”（或 lng/lat、lon/lat、longitude/latitude、x/y），或提供 WKT 列（WKT、geometry）。现有的列：${text(p, 'columns')}。`,
  'table-coordinate-missing': (p) =>
    `${rowZh(p)}的“${text(p, 'column')}”为空，请填写${coordinateZh(p)}（度）。修改前该行不显示。`,
  'table-coordinate-invalid': (p) =>
    `${rowZh(p)}的“${text(p, 'column')}”是“${text(p, 'value')}”，不是度数，请写成小数，例如 114.305。修改前该行不显示。`,
  'table-wkt-invalid': (p) =>
    `${rowZh(p)}的“${text(p, 'column')}”是“${text(p, 'value')}”，不是 WKT（例如 POINT (114.3 30.6) 或 POLYGON ((…))）。修改前该行不显示。`,
  'table-no-rows': (p) => `${sheetZh(p)}表格的表头下面没有数据行。`,
  'kml-invalid': (p) =>
    `KML 文件不是格式正确的 XML（${text(p, 'error')}）。请重新导出，或用 Google 地球、QGIS 打开以查找错误。`,
  'kmz-no-kml': () => 'KMZ 文件中没有 .kml 文档（doc.kml）。请从 Google 地球或 QGIS 重新导出。',
  'shapefile-no-shp': (p) =>
    `该 zip 压缩包中没有 .shp 文件${has(p, 'entries') ? `（其中是 ${text(p, 'entries')}）` : ''}。请把 .shp 与同名的 .dbf、.prj、.cpg 文件一起压缩。`,
  'shapefile-no-dbf': (p) =>
    `${text(p, 'file')} 旁没有 .dbf 文件，要素没有属性（没有名称）。请把 .dbf 一并放入压缩包。`,
  'shapefile-no-prj': (p) =>
    `${text(p, 'file')} 没有 .prj 文件，坐标系未知，已按经纬度（WGS84）读取。请把 .prj 一并放入压缩包。`,
  'shapefile-cpg-unknown': (p) =>
    `${text(p, 'file')} 的 .cpg 写的编码“${text(p, 'cpg')}”无法识别，属性已按 UTF-8 或 GBK 读取。请在 .cpg 中写 UTF-8 或 GBK。`,
  'shapefile-encoding-guessed': (p) =>
    `${text(p, 'file')} 没有说明属性文字编码的 .cpg 文件，其文字不是 UTF-8，已按 ${text(p, 'encoding')} 读取。如名称显示为乱码，请添加写有编码（例如 BIG5）的 .cpg 文件。`,
  'shapefile-crs-differ': (p) =>
    `${text(p, 'file')} 的坐标系（.prj）与压缩包中第一个 Shapefile 不同，其坐标已按相同坐标系读取。请把它单独压缩。`,
  'shapefile-layers-merged': (p) =>
    `该压缩包中有 ${text(p, 'count')} 个 Shapefile（${text(p, 'layers')}），其要素一并显示。`,
  'not-feature-collection': (p) =>
    `数据必须是 GeoJSON 的 FeatureCollection（{"type": "FeatureCollection", "features": [...]}），但现在是${foundZh(p)}。${p['found'] === 'feature' ? '请把该要素放进 FeatureCollection 的 "features" 列表中。' : ''}`,
  'features-not-array': () =>
    'FeatureCollection 缺少 "features" 列表。请添加 "features": [ ... ] 并把各要素放在其中。',
  'unknown-coordinate-system': (p) =>
    `"coordinateSystem" 的值“${text(p, 'value')}”不是 wgs84、gcj02、bd09 之一，已按 WGS84 读取坐标。${has(p, 'suggestion') ? `是否应为“${text(p, 'suggestion')}”？` : ''}`,
  'coordinate-system-conflict': (p) =>
    `文件中写的是 "coordinateSystem": "${text(p, 'file')}"，页面上却设置了 coords="${text(p, 'option')}"，已采用文件中的值。请删去其中一处。`,
  'unknown-crs': (p) =>
    `数据的坐标参考系为“${text(p, 'crs')}”，park-map 无法转换（支持 WGS84、CGCS2000 EPSG:4490、Web 墨卡托 EPSG:3857 以及 CGCS2000 高斯–克吕格投影带 EPSG:4491–4554）。为免画错位置，暂不显示任何要素。请把文件转换为经纬度，例如 \`ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson\`，或在文件中以 WKT 给出该坐标系的定义："crs": {"type": "wkt", "properties": {"wkt": "PROJCS[…]"}}。`,
  'crs-conflict': (p) =>
    `文件中写的坐标参考系是“${text(p, 'file')}”，页面上却设置了 coords="${text(p, 'option')}"，已采用文件中的坐标系。请删去其中一处。`,
  'not-a-feature': (p) =>
    `此条目是${foundZh(p)}，不是 GeoJSON 要素（{"type": "Feature", "id": …, "geometry": …, "properties": …}），已略去。`,
  'missing-id': (p) =>
    `该要素没有 "id"。请给它一个唯一的文本编号${has(p, 'propertiesId') ? `（"properties" 里有 "id": "${text(p, 'propertiesId')}"，请把它移到与 "type" 同一层）` : ''}。修改前该要素不显示。`,
  'id-not-string': (p) =>
    `编号 ${text(p, 'value')} 是数字，请写成文本（"${text(p, 'value')}"）。目前已按“${text(p, 'value')}”读取。`,
  'duplicate-id': (p) =>
    `编号“${text(p, 'id')}”已被 features[${text(p, 'firstIndex')}] 使用。每个要素的编号必须唯一。此要素已略去。`,
  'missing-properties': () =>
    '该要素没有 "properties"。请至少填写 "kind" 和 "name"。修改前该要素不显示。',
  'missing-kind': () =>
    '该要素没有 "kind"（类型）。请填写 zone、park、plot、building、project 之一。修改前该要素不显示。',
  'unknown-kind': (p) =>
    `“${text(p, 'value')}”不是有效的类型，应为 zone（开发区）、park（园区）、plot（地块）、building（楼栋）、project（项目）之一。${suggestionZh(p, KIND_ZH)}修改前该要素不显示。`,
  'foreign-kind': (p) =>
    `“${text(p, 'value')}”是 OpenStreetMap 或地图瓦片方案的类型（该要素带有 OSM 或瓦片字段），不是本组件的类型：那里的 “park” 指公园绿地，而非产业园区。请设置 default-kind，或在 "fields" 中为 "kind" 给出取值对照。修改前该要素不显示。`,
  'guessed-id-field': (p) =>
    `${text(p, 'count')} 个要素自身没有 "id"，已使用其 "properties.${text(p, 'field')}"（${text(p, 'examples')}${Number(p['count']) > 3 ? '，…' : ''}）。如确认，请设置 id-field="${text(p, 'field')}"。`,
  'generated-ids': (p) =>
    `${text(p, 'count')} 个要素完全没有 id（${text(p, 'examples')}${Number(p['count']) > 3 ? '，…' : ''}），已按其几何与属性生成（"g-…"），同一文件每次加载相同。请用 id-field 指定能标识要素的字段，编辑后 id 才能保持不变。`,
  'guessed-name-field': (p) =>
    `${text(p, 'count')} 个要素没有 "name"，已使用其 "${text(p, 'field')}"（${text(p, 'examples')}${Number(p['count']) > 3 ? '，…' : ''}）。如确认，请设置 name-field="${text(p, 'field')}"。`,
  'guessed-parent-adcode': (p) =>
    `${text(p, 'count')} 个要素的上级是一个对象，已使用其中的 "adcode" 作为上级 id（${text(p, 'examples')}${Number(p['count']) > 3 ? '，…' : ''}）。`,
  'default-kind-applied': (p) =>
    `${text(p, 'count')} 个${has(p, 'value') ? `类型为 "${text(p, 'value')}" 的` : '没有类型的'}要素按 "${text(p, 'kind')}"（default-kind）显示，其原值保留在 "sourceKind"（${text(p, 'examples')}${Number(p['count']) > 3 ? '，…' : ''}）。`,
  'guessed-status-value': (p) =>
    `"${text(p, 'field')}" 的值 "${text(p, 'value')}" 在 ${text(p, 'count')} 个要素中按状态 ${text(p, 'status')} 读取（${text(p, 'examples')}${Number(p['count']) > 3 ? '，…' : ''}）。如不同，请在 "fields" 中给出取值对照。`,
  'field-unit-converted': (p) =>
    `"${text(p, 'field')}" 按字段名所示单位（${text(p, 'unit')}）读作 ${text(p, 'property')}，已在 ${text(p, 'count')} 个要素中乘以 ${text(p, 'factor')} 换算为${MONEY_KEYS.has(text(p, 'property')) ? '元' : '平方米'}。如不同，请在 "fields" 中给出 "unit"。`,
  'field-qualifier-kept': (p) =>
    `"${text(p, 'field')}" 中数字旁的“${text(p, 'word')}”已保留为 qualifiers.${text(p, 'property')} = "${qualifierZh(text(p, 'qualifier'))}"，共 ${text(p, 'count')} 个要素（${text(p, 'examples')}${Number(p['count']) > 3 ? '，…' : ''}）；数值按原文所写。`,
  'mapping-not-object': (p) =>
    `${has(p, 'path') ? `“${text(p, 'path')}”` : '字段映射'}必须是花括号中的对象，但它是${mappingFoundZh(p)}。示例：{"id": "adcode", "fields": {"investment": {"field": "投资额", "unit": "亿元"}}}。`,
  'mapping-unknown-key': (p) =>
    `“${text(p, 'key')}”不是此处字段映射的键；请使用 ${text(p, 'keys')}。${suggestionZh(p, new Map())}已忽略。`,
  'mapping-bad-rule': (p) =>
    `此处应以文字写出源数据的字段名（"投资额"），或写成 {"field": "投资额", "values": {…}, "unit": "亿元"}，但它是${p['found'] === 'object' ? '没有 "field" 的对象' : mappingFoundZh(p)}。已忽略。`,
  'mapping-bad-values': (p) =>
    `“values”应以文字把源数据的取值映射为我们的取值，例如 {"在建": "under_construction"}，但它是${p['found'] === 'object' ? '含有非文字取值的对象' : mappingFoundZh(p)}。已忽略。`,
  'mapping-unknown-unit': (p) =>
    `“${text(p, 'value')}”不是 park-map 可换算的单位；请使用 ${text(p, 'units')} 之一。已忽略。`,
  'mapping-bad-kind': (p) =>
    `“${text(p, 'value')}”不是我们的类型；defaultKind 必须是 zone、park、plot、building、project 之一。已忽略。`,
  'missing-name': () => '该要素没有 "name"（名称）。请按公开发布的名称填写。',
  'unknown-status': (p) =>
    `“${text(p, 'value')}”不是有效的状态值，应为 planned（规划）、signed（已签约）、under_construction（在建）、topped_out（已封顶）、fitting_out（装修中）、completed（已竣工）、operating（运营中）之一。${suggestionZh(p, STATUS_ZH)}修改前该要素暂不显示状态。`,
  'figure-as-text': (p) =>
    `“${text(p, 'value')}”是文字，请填写数字 ${text(p, 'number')}${unitNoteZh(p)}${qualifierNoteZh(p)}。修改前该数值不显示。`,
  'figure-not-number': (p) =>
    p['found'] === 'too-large'
      ? `数值过大，无法读取（超出 ±1.8e308，已变为 ${text(p, 'value')}），请填写${plainNumberZh(p)}。修改前该数值不显示。`
      : `“${text(p, 'value')}”不是数字，请填写${plainNumberZh(p)}。修改前该数值不显示。`,
  'figure-negative': (p) =>
    `${text(p, 'value')} 是负数，请填写不小于 0 的数${text(p, 'unit') === 'number' ? '' : `（单位：${unitZh(p)}）`}。修改前该数值不显示。`,
  'progress-out-of-range': (p) =>
    `${text(p, 'value')} 超出 0–100 的范围，请填写 0 到 100 之间的百分数（只写数字）。修改前不显示进度。`,
  'history-not-a-list': (p) =>
    `${text(p, 'value')} 不是列表，请把 "history" 写成方括号中的阶段列表（按时间从早到晚），例如 [{"date": "2020-07-01", "status": "topped_out", "source": {"title": "…", "quote": "…"}}]。修改前不显示历程。`,
  'history-stage-not-object': (p) =>
    `${text(p, 'value')} 不是一个阶段，请把每个阶段写成花括号中的对象，例如 {"date": "2020-07-01", "status": "topped_out", "source": {"title": "…", "quote": "…"}}。修改前该阶段不显示。`,
  'history-bad-date': (p) =>
    `${has(p, 'value') ? `“${text(p, 'value')}”不是日期` : '该阶段没有 "date"（日期）'}，请按报道所给的精度填写：YYYY-MM-DD、YYYY-MM 或 YYYY（例如 "2020-07-01"）。修改前该阶段不显示。`,
  'history-out-of-order': (p) =>
    `${text(p, 'value')} 早于前一个阶段（${text(p, 'previous')}），请按时间从早到晚排列各阶段。`,
  'history-duplicate-date': (p) =>
    `前一个阶段的日期同为 ${text(p, 'value')}，请合并这两个阶段，或分别填写各自的日期。`,
  'history-progress-out-of-range': (p) =>
    `${text(p, 'value')} 超出 0–100 的范围，请把该阶段的进度填写为 0 到 100 之间的百分数（只写数字）。修改前不显示该进度。`,
  'history-progress-decreasing': (p) =>
    `进度 ${text(p, 'value')}% 低于 ${text(p, 'previousDate')} 时的 ${text(p, 'previous')}%；进度不会倒退，请检查数字和各阶段的顺序。`,
  'history-unknown-status': (p) =>
    `“${text(p, 'value')}”不是有效的状态值，应为 planned（规划）、signed（已签约）、under_construction（在建）、topped_out（已封顶）、fitting_out（装修中）、completed（已竣工）、operating（运营中）之一。${suggestionZh(p, STATUS_ZH)}修改前该阶段不显示状态。`,
  'history-missing-source': () =>
    '该阶段没有带 "title"（标题）的来源，请补充 {"title": "…", "file": "…", "quote": "…"}，并逐字引用报道原文。',
  'history-latest-disagrees': (p) =>
    `最新阶段的 ${text(p, 'field')} 为${has(p, 'value') ? `“${text(p, 'value')}”` : '（无）'}，而要素当前的 ${text(p, 'field')} 为${has(p, 'current') ? `“${text(p, 'current')}”` : '（无）'}；当前属性即最新阶段，请使两者一致。`,
  'unknown-qualifier-key': (p) =>
    `“${text(p, 'key')}”不是数值字段，不能带限定词；请写数值字段名，例如 investment、floorArea、landArea、jobs、companies 或 progress。${keySuggestionZh(p)}修改前该限定词不起作用。`,
  'unknown-qualifier': (p) =>
    `“${text(p, 'value')}”不是 ${text(p, 'key')} 的有效限定词，应为 ${QUALIFIER_LIST_ZH} 之一。${has(p, 'suggestion') ? `是否应为“${qualifierZh(text(p, 'suggestion'))}”？` : ''}修改前该数值不带限定词显示。`,
  'qualifier-without-figure': (p) =>
    `限定词“${qualifierZh(text(p, 'value'))}”针对的 ${text(p, 'key')} 在该要素中没有数值；请补上该数值或删去限定词。修改前该限定词不起作用。`,
  'parent-not-string': (p) =>
    `上级 ${text(p, 'value')} 不是文本，请填写所属开发区、园区或地块的编号（文本）。`,
  'parent-not-found': (p) =>
    `上级“${text(p, 'parent')}”不是任何要素的编号。请检查拼写，或补充该要素。`,
  'parent-left-out': (p) =>
    `上级“${text(p, 'parent')}”因自身有错误而未显示（见其提示）；改正后此关联即恢复。`,
  'parent-cycle': (p) =>
    `上级关系构成了循环：${text(p, 'cycle')}。要素不能包含自身，请改正其中一个 "parent"。修改前循环中的要素不显示。`,
  'unsafe-key': (p) =>
    `不允许使用键名“${text(p, 'key')}”（可能破坏页面脚本），已删除。如其中是有效数据，请换一个键名。`,
  'too-deeply-nested': (p) =>
    `“${text(p, 'field')}”中的列表或对象嵌套超过 ${text(p, 'limit')} 层，无法安全读取，已略去。请减少嵌套层级。`,
  'not-a-list': (p) =>
    `${text(p, 'value')} 不是列表，请用方括号写成列表${exampleZh(p)}。${leftOutZh(p)}`,
  'not-an-object': (p) =>
    `${text(p, 'value')} 不是对象，请用花括号写成对象${exampleZh(p)}。${leftOutZh(p)}`,
  'not-text': (p) =>
    `${text(p, 'value')} 不是文本，请用英文双引号括起来${exampleZh(p)}。${leftOutZh(p)}`,
  'missing-field': (p) => `该条目缺少 "${text(p, 'field')}"，请以文本填写。修改前该条目不显示。`,
  'missing-geometry': () =>
    '该要素没有几何图形（缺失或为 null）。请绘制其轮廓，或至少给出一个点位。修改前该要素不显示。',
  'unsupported-geometry': (p) =>
    `不支持几何类型“${text(p, 'type')}”，请使用 Polygon、MultiPolygon 或 Point。修改前该要素不显示。`,
  'empty-geometry': () =>
    '几何图形没有坐标。请绘制其轮廓，或至少给出一个点位。修改前该要素不显示。',
  'invalid-position': () => '此处坐标不是 [经度, 纬度] 两个数字。修改前该要素不显示。',
  'projected-coordinates': (p) =>
    `[${text(p, 'x')}, ${text(p, 'y')}] 是以米为单位的投影坐标，而不是经纬度：${projectedGuessZh(p)}修改前该要素不显示。`,
  'swapped-coordinates': (p) =>
    `经纬度似乎写反了：GeoJSON 要求 [经度, 纬度]（此点应为 ${point(p)}）。请在每个坐标中对调两个数字。修改前该要素不显示。`,
  'coordinate-out-of-range': (p) =>
    `${point(p)} 超出范围：经度应在 −180…180 之间，纬度应在 −90…90 之间。修改前该要素不显示。`,
  'ring-not-closed': () =>
    '多边形的环没有闭合：最后一个坐标必须与第一个相同。显示时已自动闭合；请在末尾补上第一个坐标。',
  'ring-too-short': (p) =>
    `该环只有 ${text(p, 'count')} 个不同的点，多边形至少需要 3 个顶点。修改前该要素不显示。`,
  'line-too-short': () => '线至少需要 2 个点。修改前该要素不显示。',
  'self-intersection': (p) =>
    `轮廓在 ${point(p)} 附近自相交（第 ${text(p, 'segmentA')} 段与第 ${text(p, 'segmentB')} 段）。请重新绘制，使各边互不交叉。修改前该要素不显示。`,
  'rings-intersect': (p) =>
    `第 ${text(p, 'ring')} 个环与第 ${text(p, 'otherRing')} 个环在 ${point(p)} 附近相交。内环（洞）必须完全位于外轮廓之内且互不接触。修改前该要素不显示。`,
};

/** Longest name (or id) a message quotes. */
export const NAME_LIMIT = 60;
/** Field paths hold the data's own keys, which may be long too. */
const FIELD_LIMIT = 120;

/** Text cut to `limit` characters with an ellipsis, never splitting a surrogate pair. */
export function cutName(name: string, limit = NAME_LIMIT): string {
  if (name.length <= limit) return name;
  let end = limit - 1;
  const last = name.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${name.slice(0, end)}…`;
}

/** Where the issue is: the feature (by id and name) and the field, or '' for the whole file. */
function describeIssueLocation(issue: DataIssue, lang: IssueLang): string {
  if (issue.index === undefined) return '';
  const params = issue.params ?? {};
  // Cut here too (the validator already does): a name from elsewhere must not make a 50 MB message.
  const name =
    typeof params['name'] === 'string' && params['name'] !== '' ? cutName(params['name']) : '';
  const featurePath = `features[${issue.index}]`;
  const field = issue.path.startsWith(featurePath + '.')
    ? cutName(issue.path.slice(featurePath.length + 1), FIELD_LIMIT)
    : '';
  // The id as typed may be any length: the message names it by its first 60 characters.
  const id = issue.featureId === undefined ? undefined : cutName(issue.featureId);
  if (lang === 'zh-CN') {
    const who =
      id !== undefined
        ? `要素“${id}”${name ? `（${name}）` : ''}`
        : `第 ${issue.index + 1} 个要素（${featurePath}${name ? `，${name}` : ''}）`;
    return field ? `${who}的 ${field}` : who;
  }
  const who =
    id !== undefined
      ? `Feature "${id}"${name ? ` (${name})` : ''}`
      : `The feature at ${featurePath}${name ? ` (${name})` : ''}`;
  return field ? `${who}, ${field}` : who;
}

/** What is wrong and what to do, without saying where. */
export function describeIssueDetail(issue: DataIssue, lang: IssueLang): string {
  const template = (lang === 'zh-CN' ? ZH : EN)[issue.code];
  if (!template || !Object.hasOwn(lang === 'zh-CN' ? ZH : EN, issue.code)) {
    // An issue from elsewhere (or a future code): its English reason is the best we have.
    return issue.reason;
  }
  return template(issue.params ?? {});
}

/** An issue with its English `reason` filled in from the message table. */
export function withReason(issue: Omit<DataIssue, 'reason'>): DataIssue {
  const complete: DataIssue = { ...issue, reason: '' };
  complete.reason = describeIssue(complete, 'en');
  return complete;
}

/** The full message: where, then what is wrong and what to do. */
export function describeIssue(issue: DataIssue, lang: IssueLang): string {
  const where = describeIssueLocation(issue, lang);
  const what = describeIssueDetail(issue, lang);
  if (!where) return what;
  return lang === 'zh-CN' ? `${where}：${what}` : `${where}: ${what}`;
}

/** Codes this module can phrase; the tests check every code the validator emits is here. */
export const ISSUE_CODES: readonly string[] = Object.keys(EN);
export const ISSUE_CODES_ZH: readonly string[] = Object.keys(ZH);
