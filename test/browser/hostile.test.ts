// Hostile input in real Chromium: script, event-handler, URL, SVG and CSS payloads in every text
// field stay literal text (nothing runs, nothing is injected, only http(s) and tel: become links);
// the hostile-input corpus through `src` and through `data` gives the expected problems while the
// valid rest shows and the page stays responsive; a 50 MB file loads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import corpus from '../fixtures/hostile/corpus.json';
import { XSS_PAYLOADS, generateCase, xssCollection } from '../fixtures/hostile/generate.js';
import { collect, mount, nextEvent, shadow, text } from './helpers.js';

interface CorpusCase {
  name: string;
  file?: string;
  generate?: string;
  decodeOnly?: boolean;
  expect: { loads: number; codes: string[] };
}

const cases = corpus.cases as CorpusCase[];

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

let rejections: unknown[] = [];
let windowErrors: string[] = [];
const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
const onWindowError = (event: ErrorEvent) => windowErrors.push(event.message);

beforeEach(async () => {
  rejections = [];
  windowErrors = [];
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onWindowError);
  await commands.startPageLog();
});

afterEach(async () => {
  const log = await commands.takePageLog();
  document.body.replaceChildren();
  window.removeEventListener('unhandledrejection', onRejection);
  window.removeEventListener('error', onWindowError);
  expect(log.consoleErrors).toEqual([]);
  expect(rejections.map(String)).toEqual([]);
  expect(windowErrors).toEqual([]);
  // An injected <img src=x> would have asked for it.
  expect(log.requests.filter((url) => new URL(url).pathname.endsWith('/x'))).toEqual([]);
  expect(window.__pwned).toBeUndefined();
});

/** Resolves after the browser has painted a frame: the page is not stuck. */
function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Selects a feature and waits for the panel; returns the details section. */
async function selectAndRead(element: ParkMap, id: string): Promise<HTMLElement> {
  element.select(id);
  await element.updateComplete;
  const details = shadow(element).querySelector<HTMLElement>('.details');
  if (!details || details.dataset['featureId'] !== id) throw new Error(`no panel for ${id}`);
  return details;
}

/** How many elements of each tag a subtree holds. */
function tagCounts(root: ParentNode, except: string[] = []): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of root.querySelectorAll('*')) {
    const tag = node.localName;
    if (except.includes(tag)) continue;
    counts[tag] = (counts[tag] ?? 0) + 1;
  }
  return counts;
}

/** Elements that only an injection could have put there: scripts, frames, images, handlers. */
function injected(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')]
    .filter(
      (node) =>
        ['script', 'iframe', 'img', 'svg', 'circle', 'style', 'object', 'embed'].includes(
          node.localName,
        ) || [...node.attributes].some((attribute) => /^on/i.test(attribute.name)),
    )
    .map((node) => node.outerHTML.slice(0, 80));
}

function bytesOf(entry: CorpusCase): Promise<Uint8Array> | Uint8Array {
  if (entry.generate) return generateCase(entry.generate);
  return fetch(fixtureUrl(entry)).then(
    async (response) => new Uint8Array(await response.arrayBuffer()),
  );
}

// Resolved in two steps: Vite rewrites `new URL(\`…${name}\`, import.meta.url)` into a glob of that
// folder, which misses the corpus's one file outside it (../mini-parks-gbk.geojson).
// (And it drops a folder URL's trailing slash, so this names a file in the folder.)
const HOSTILE_DIR = new URL('../fixtures/hostile/corpus.json', import.meta.url).href;

function fixtureUrl(entry: CorpusCase): string {
  return new URL(entry.file!, HOSTILE_DIR).href;
}

/** The same problems in the banner (count) as in the events (codes), and the rest drawn. */
async function checkLoaded(
  element: ParkMap,
  loads: number,
  codes: string[],
  errors: { detail: { code: string; message: string; count?: number } }[],
): Promise<void> {
  expect(element.features).toHaveLength(loads);
  // One event per kind of problem (errors first), with its count: expanded, they are the codes.
  const told = errors.flatMap((event) =>
    Array<string>(event.detail.count ?? 1).fill(event.detail.code),
  );
  expect(told).toHaveLength(codes.length);
  const sorted = (list: string[]) => list.filter((code) => code !== '*').sort();
  const wanted = sorted(codes);
  expect(sorted(told).filter((code) => wanted.includes(code))).toEqual(wanted);
  for (const event of errors) expect(event.detail.message.trim()).not.toBe('');
  const count = text(shadow(element), '.issues-count');
  if (codes.length === 0) expect(count).toBeUndefined();
  else if (element.lang === 'en')
    expect(count).toMatch(new RegExp(`^${codes.length} data problems?$`));
  else expect(count).toBe(`${codes.length}个数据问题`);
  // Still responsive: a frame is painted, and a valid feature can be selected and shown.
  await frame();
  const first = element.features[0];
  if (first) {
    const details = await selectAndRead(element, first.id);
    // In English the heading is the English name where the data has one.
    const english = element.lang === 'en' ? first.properties['name:en'] : undefined;
    expect(details.querySelector('h2')?.textContent).toBe(english ?? first.properties.name);
  }
}

describe('XSS payloads in every text field of the details panel', () => {
  // Where each field shows; Lit puts each bound value in a text node of its own.
  const fields: [string, string][] = [
    // In English the English name is the heading, the Chinese one beside it as the original.
    ['name', '.name-original'],
    ['name:en', 'h2'],
    ['statusNote', '.status-note'],
    ['operator', '.operator'],
    ['industries', '.industries'],
    ['tenant name', '.tenant-name'],
    ['tenant name:en', '.tenant-name-en'],
    ['tenant industry', '.tenant-industry'],
    ['source title', '.sources cite'],
    ['source publisher', '.sources .source-by'],
    ['source quote', '.sources q'],
    ['contact phone', '.contact a[href^="tel:"]'],
    ['address (an extra property)', '[data-property="address"] dd'],
    ['stats label and period', '[data-stat] dt'],
    ['stats unit', '[data-stat] dd'],
  ];

  /** The text nodes under `selector`, exactly as the DOM holds them (no trimming). */
  function textNodes(details: HTMLElement, selector: string): string[] {
    const nodes: string[] = [];
    for (const element of details.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode.textContent ?? '');
    }
    return nodes;
  }

  it('shows each payload literally in every field, injects nothing and runs nothing', async () => {
    const { element } = await mount({ lang: 'en' }, (el) => (el.data = xssCollection()));
    const root = shadow(element);
    const baseline = injected(root);
    const plain = await selectAndRead(element, 'plain');
    const plainShape = tagCounts(plain, ['a']);
    expect(plain.querySelectorAll('a')).toHaveLength(2);

    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const details = await selectAndRead(element, `xss-${index}`);
      for (const [field, selector] of fields) {
        const nodes = textNodes(details, selector);
        expect(
          nodes.some(
            (node) =>
              node === payload || node === `${payload}、${payload}` || node === `1${payload}`,
          ),
          `${field} of xss-${index}: ${JSON.stringify(nodes)}`,
        ).toBe(true);
      }
      // A key that is itself a payload is shown as text, its value too.
      const extra = [...details.querySelectorAll<HTMLElement>('[data-property]')].find(
        (row) => row.dataset['property'] === payload,
      );
      expect(textNodes(extra!, 'dt')).toContain(payload);
      expect(textNodes(extra!, 'dd')).toContain(payload);

      // Same elements as the harmless control, apart from links; nothing injected anywhere.
      expect(tagCounts(details, ['a']), `elements of xss-${index}`).toEqual(plainShape);
      expect(injected(details)).toEqual([]);
      expect(injected(root)).toEqual(baseline);
      // The payload as contact url never becomes a link; the phone link is tel: only.
      for (const link of details.querySelectorAll('a')) {
        expect(link.getAttribute('href')).toMatch(/^tel:/);
      }
      // The CSS payload hides nothing.
      expect(getComputedStyle(details).display).not.toBe('none');
      expect(element.getBoundingClientRect().height).toBeGreaterThan(0);
      await frame();
      expect(window.__pwned).toBeUndefined();
    }
  });

  it('makes http(s) and tel: contact links, and javascript:/data: ones not at all', async () => {
    const { element } = await mount({}, (el) => (el.data = xssCollection()));
    const links = await selectAndRead(element, 'links');
    const hrefs = [...links.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual(['tel:+867348888888', 'http://example.com/a?b=%3Cc%3E']);
    const plain = await selectAndRead(element, 'plain');
    expect([...plain.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      'tel:07348888888',
      'https://example.com/plain',
    ]);
    for (const index of XSS_PAYLOADS.keys()) {
      const details = await selectAndRead(element, `xss-${index}`);
      expect(details.querySelector('a[href^="javascript:" i], a[href^="data:" i]')).toBeNull();
      expect(details.querySelector('a[target="_blank"]')).toBeNull();
    }
  });

  it('puts a payload in a data-problem message as text', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element } = await mount({ lang: 'en' }, (el) => {
      errors = collect(el, 'park-map-error');
      el.data = xssCollection();
    });
    expect(errors.map((event) => event.detail.code)).toEqual(['unknown-status']);
    const root = shadow(element);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.issues-toggle')!);
    await element.updateComplete;
    const item = root.querySelector('.issues-list li');
    expect(item?.textContent).toContain(`"${XSS_PAYLOADS[0]}" is not a known status`);
    expect(item?.textContent).toContain(XSS_PAYLOADS[1]);
    expect(item?.children).toHaveLength(0);
    expect(injected(root)).toEqual([]);
  });

  it('shows payload names in the side list as text', async () => {
    const element = document.createElement('park-map');
    element.style.setProperty('--park-map-height', '500px');
    element.style.width = '1100px';
    element.lang = 'en';
    const loaded = nextEvent(element, 'park-map-load');
    element.data = xssCollection();
    document.body.append(element);
    await loaded;
    await element.updateComplete;
    const root = shadow(element);
    const list = root.querySelector('[part~="list"]');
    expect(list).not.toBeNull();
    for (const payload of XSS_PAYLOADS) expect(list!.textContent).toContain(payload);
    expect(injected(root)).toEqual([]);
  });
});

/**
 * The validator's cases run in Node (test/unit/hostile-corpus.test.ts); the element gets a
 * selection of them, and every case about bytes, encodings, top-level types and size.
 */
const VALIDATOR_SELECTION = new Set([
  'entries that are not features',
  'missing id',
  'duplicate id',
  'unknown status',
  'figure written as text',
  'parent cycle',
  'unsafe keys everywhere',
  'self-intersecting outline',
  'projected metres',
  'ring not closed',
  'unknown coordinate system',
  'right-to-left, emoji and zero-width text',
  'ids that are Object.prototype names',
]);

function isValidatorCase(entry: CorpusCase): boolean {
  return Boolean(entry.file?.endsWith('.geojson') && !entry.file.startsWith('../'));
}

describe('the hostile-input corpus through src', () => {
  const viaSrc = cases.filter(
    (entry) =>
      entry.generate !== '50mb-features' &&
      (!isValidatorCase(entry) || VALIDATOR_SELECTION.has(entry.name)),
  );
  for (const entry of viaSrc) {
    it(entry.name, async () => {
      let source = entry.file ? fixtureUrl(entry) : '';
      if (entry.generate) {
        const bytes = generateCase(entry.generate);
        source = URL.createObjectURL(new Blob([bytes as BlobPart]));
      }
      let errors: ReturnType<typeof collect<'park-map-error'>> = [];
      const { loaded, element } = await mount({ src: source, lang: 'en' }, (el) => {
        errors = collect(el, 'park-map-error');
      });
      if (entry.generate) URL.revokeObjectURL(source);
      expect(loaded.features).toHaveLength(entry.expect.loads);
      await checkLoaded(element, entry.expect.loads, entry.expect.codes, errors);
    });
  }
});

describe('the hostile-input corpus through the data property', () => {
  const viaData = cases.filter(
    (entry) => isValidatorCase(entry) && VALIDATOR_SELECTION.has(entry.name),
  );
  for (const entry of viaData) {
    it(entry.name, async () => {
      const data: unknown = JSON.parse(new TextDecoder().decode(await bytesOf(entry)));
      const before = JSON.stringify(data);
      let errors: ReturnType<typeof collect<'park-map-error'>> = [];
      const { element } = await mount({}, (el) => {
        errors = collect(el, 'park-map-error');
        el.data = data;
      });
      await checkLoaded(element, entry.expect.loads, entry.expect.codes, errors);
      expect(JSON.stringify(data)).toBe(before);
    });
  }

  it('reads broken JSON given as a string, naming line and column', async () => {
    const entry = cases.find((candidate) => candidate.file === 'trailing-comma.txt')!;
    const json = new TextDecoder().decode(await bytesOf(entry));
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element } = await mount({ lang: 'en' }, (el) => {
      errors = collect(el, 'park-map-error');
      el.data = json;
    });
    await checkLoaded(element, 0, ['not-json'], errors);
    expect(errors[0]!.detail.message).toMatch(/line \d+, column \d+\. Remove the comma/);
  });
});

describe('fields of the wrong type and deep nesting in the element', () => {
  // Each wrong field is left out with a warning, so the details panel never calls string or
  // array methods on a value of the wrong type: the panel shows, with the rest of the feature.
  for (const [file, code] of [
    ['tenants-text.geojson', 'not-a-list'],
    ['industries-text.geojson', 'not-a-list'],
    ['tenant-null.geojson', 'not-an-object'],
    ['stats-null.geojson', 'not-an-object'],
    ['contact-url-number.geojson', 'not-text'],
  ] as const) {
    it(`shows the panel of a feature with ${file.replace('.geojson', '')}`, async () => {
      const url = new URL(file, HOSTILE_DIR).href;
      let errors: ReturnType<typeof collect<'park-map-error'>> = [];
      const { element } = await mount({ src: url }, (el) => {
        errors = collect(el, 'park-map-error');
      });
      expect(errors.map((event) => event.detail.code)).toEqual([code]);
      element.select('bad');
      await element.updateComplete;
      expect(text(shadow(element), '.details h2')).toBe('总部基地5号楼');
    });
  }

  it('keeps the phone link when contact.url is a number', async () => {
    const url = new URL('contact-url-number.geojson', HOSTILE_DIR).href;
    const { element } = await mount({ src: url });
    const details = await selectAndRead(element, 'bad');
    expect([...details.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      'tel:07348888888',
    ]);
  });

  it('loads the valid rest beside a property nested 100 000 levels deep', async () => {
    const json = new TextDecoder().decode(generateCase('deep-property'));
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element } = await mount({ lang: 'en' }, (el) => {
      errors = collect(el, 'park-map-error');
      el.data = json;
    });
    await checkLoaded(element, 2, ['too-deeply-nested'], errors);
    expect(element.features.map((feature) => feature.id)).toEqual(['ok', 'deep']);
    expect(errors[0]!.detail.message).toContain('properties.layers');
  });
});

describe('a 50 MB file', () => {
  it('loads one feature with a 50 MB status note, given as a JSON string, and stays responsive', async () => {
    const json = new TextDecoder().decode(generateCase('50mb-note'));
    expect(json.length).toBeGreaterThan(17_000_000);
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element } = await mount({}, (el) => {
      errors = collect(el, 'park-map-error');
      el.data = json;
    });
    await checkLoaded(element, 2, [], errors);
    const details = await selectAndRead(element, 'note');
    const note = details.querySelector('.status-note')?.textContent ?? '';
    expect(note.length).toBe(Math.floor((50 * 1024 * 1024) / 3));
    expect(note.slice(0, 3) + note.slice(-3)).toBe('注注注注注注');
  });
});
