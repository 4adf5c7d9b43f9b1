// The tiler moved to src/tiles/ (it is `park-map tiles` now); the bench keeps importing it from here.
export * from '../../src/tiles/tiles.ts';
