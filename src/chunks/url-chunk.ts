// Chunk: reading and writing the view in the page URL, loaded only by an element with `hash`.
export { mergeHash, parseHash } from '../explore/url-state.js';
