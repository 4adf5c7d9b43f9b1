// Browser-test commands that answer requests for other origins from the test (Playwright routing):
// basemap tiles and styles are served without a network, and every request they get is recorded.
import type { BrowserCommand } from 'vitest/node';
import type { Route } from 'playwright';

interface Reply {
  status?: number;
  contentType: string;
  /** The body, base64-encoded (binary tiles) … */
  base64?: string;
  /** … or as text. */
  text?: string;
}

const hits = new Map<string, string[]>();

export const fulfillRoute: BrowserCommand<[pattern: string, reply: Reply]> = async (
  context,
  pattern,
  reply,
) => {
  const seen: string[] = hits.get(pattern) ?? [];
  hits.set(pattern, seen);
  await context.page.route(pattern, (route: Route) => {
    seen.push(route.request().url());
    return route.fulfill({
      status: reply.status ?? 200,
      contentType: reply.contentType,
      headers: { 'access-control-allow-origin': '*' },
      body: reply.base64 !== undefined ? Buffer.from(reply.base64, 'base64') : (reply.text ?? ''),
    });
  });
};

/** The URLs each pattern answered since it was routed; removes every route. */
export const takeRoutes: BrowserCommand<[]> = async (context) => {
  const result = Object.fromEntries(hits);
  hits.clear();
  await context.page.unrouteAll({ behavior: 'ignoreErrors' });
  return result;
};

/** Emulates the reader's light/dark preference (null: back to the default). */
export const emulateColorScheme: BrowserCommand<[scheme: 'light' | 'dark' | null]> = async (
  context,
  scheme,
) => {
  await context.page.emulateMedia({ colorScheme: scheme });
};

export const routeCommands = { fulfillRoute, takeRoutes, emulateColorScheme };

declare module 'vitest/browser' {
  interface BrowserCommands {
    fulfillRoute: (pattern: string, reply: Reply) => Promise<void>;
    takeRoutes: () => Promise<Record<string, string[]>>;
    emulateColorScheme: (scheme: 'light' | 'dark' | null) => Promise<void>;
  }
}
