// Links from data are allowed only for http(s) and tel: (Lit escapes text, not URL schemes).

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'tel:']);

/** The URL when its scheme is http, https or tel; undefined for anything else (javascript:, data:…). */
export function safeContactUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
