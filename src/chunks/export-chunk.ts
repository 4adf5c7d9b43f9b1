// Chunk: CSV and GeoJSON export, the map picture and its caption, and file downloads, loaded the
// first time something is exported (most visits never do).
export { CSV_MIME_TYPE, GEOJSON_MIME_TYPE, toCsv, toGeoJson } from '../export/export.js';
export { toOfficialCsv } from '../export/official-csv.js';
export { downloadBlob, downloadText, mapImage, mapPicture } from '../export/downloads.js';
export { imageCaption } from '../export/image-caption.js';
export { imageFooter, metresPerPixel } from '../export/image-footer.js';
