// The measuring tools' names: what the `tool` attribute accepts. Apart from the controller so the
// element can check the attribute without loading the measuring code.
export const TOOLS = ['none', 'distance', 'area', 'parcel'] as const;
export type Tool = (typeof TOOLS)[number];
