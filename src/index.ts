// The package entry: importing it defines <park-map> and exports the element and its events (as the
// standalone bundle's entry does) and the helpers (tools.ts).
export * from './standalone.js';
export * from './tools.js';
