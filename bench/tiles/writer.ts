// The PMTiles writer moved to src/tiles/ (with the tiler, for `park-map tiles`).
export * from '../../src/tiles/writer.ts';
