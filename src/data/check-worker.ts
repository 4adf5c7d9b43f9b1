// The checking worker: decodes and validates a large data file off the main thread, which stays
// free to set up the map meanwhile. One request per worker; the answer is plain data.
import { checkDataBytes, type CheckRequest } from './check.js';

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  self.postMessage(checkDataBytes(event.data));
};
