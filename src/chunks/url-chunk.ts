// Chunk: reading and writing the view in the page URL, loaded only by an element with `hash`.
export { parseHash } from '../explore/url-state.js';
export { HashWriter } from '../explore/hash-writer.js';
