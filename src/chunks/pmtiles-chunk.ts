// Chunk: the PMTiles archive reader with the protomaps library, loaded the first time an archive
// is opened (a `src` ending in `.pmtiles`).
export { closeArchive, openArchive, type ArchiveInfo } from '../map/pmtiles-archive.js';
