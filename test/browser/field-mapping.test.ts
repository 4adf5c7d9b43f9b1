// Data written by others in the element: the mapping attributes (id-field, name-field,
// status-field, default-kind) and the `fields` property read a DataV-style file and a list with
// Chinese field names into our schema, in real Chromium with real MapLibre; problems met in many
// features are one entry in the banner and one park-map-error, with their count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { collect, mount, renderedIds, shadow, squarePolygon, text } from './helpers.js';

beforeEach(async () => {
  await commands.startPageLog();
});

afterEach(async () => {
  const log = await commands.takePageLog();
  document.body.replaceChildren();
  expect(log.consoleErrors).toEqual([]);
});

/** Districts as DataV.GeoAtlas writes them: no id, no kind, `adcode`, `parent: {adcode}`. */
function datav() {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: squarePolygon(112.6, 26.9, 0.2),
        properties: { adcode: 430400, name: '衡阳市', level: 'city', parent: { adcode: 430000 } },
      },
      {
        type: 'Feature',
        geometry: squarePolygon(112.62, 26.92, 0.05),
        properties: {
          adcode: 430408,
          name: '蒸湘区',
          level: 'district',
          parent: { adcode: 430400 },
        },
      },
    ],
  };
}

/** A project list exported from a spreadsheet: Chinese field names, statuses as words. */
function projectList(count: number) {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, i) => ({
      type: 'Feature',
      geometry: squarePolygon(112.6 + (i % 100) * 0.002, 26.9 + Math.floor(i / 100) * 0.002, 0.001),
      properties: {
        编号: `P${String(i + 1).padStart(5, '0')}`,
        项目名称: `项目${i + 1}`,
        建设状态: i % 2 === 0 ? '在建' : '已投产',
        '总投资(亿元)': 1.5,
      },
    })),
  };
}

describe('mapping attributes and the fields property', () => {
  it('id-field and default-kind show a DataV file; the guesses are told once each', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const { element, loaded } = await mount(
      { 'id-field': 'adcode', 'default-kind': 'zone' },
      (el) => {
        errors = collect(el, 'park-map-error');
        el.data = datav();
      },
    );
    expect(
      loaded.features.map((feature) => [
        feature.id,
        feature.properties.kind,
        feature.properties.parent,
      ]),
    ).toEqual([
      ['430400', 'zone', '430000'],
      ['430408', 'zone', '430400'],
    ]);
    expect(renderedIds(element)).toEqual(['430400', '430408']);
    expect(errors.map((event) => [event.detail.code, event.detail.count])).toEqual([
      ['guessed-parent-adcode', 1],
      ['default-kind-applied', 1],
      ['parent-not-found', 1],
    ]);
    expect(errors[1]!.detail.message).toContain('2 个没有类型的要素');
  });

  it('the fields property maps names, statuses and figures with units; attributes win', async () => {
    const { element, loaded } = await mount(
      { 'default-kind': 'project', 'status-field': '建设状态' },
      (el) => {
        el.fields = {
          id: '编号',
          name: '项目名称',
          status: { field: 'ignored', values: {} },
          fields: { investment: '总投资(亿元)' },
        };
        el.data = projectList(3);
      },
    );
    expect(
      loaded.features.map((feature) => [
        feature.id,
        feature.properties.name,
        feature.properties.status,
        feature.properties.investment,
      ]),
    ).toEqual([
      ['P00001', '项目1', 'under_construction', 150_000_000],
      ['P00002', '项目2', 'operating', 150_000_000],
      ['P00003', '项目3', 'under_construction', 150_000_000],
    ]);
    // Changing the mapping reloads the data with it.
    const reloaded = new Promise((resolve) =>
      element.addEventListener('park-map-load', resolve, { once: true }),
    );
    element.setAttribute('default-kind', 'building');
    await reloaded;
    expect(element.features.map((feature) => feature.properties.kind)).toEqual([
      'building',
      'building',
      'building',
    ]);
  });

  it('an unknown default-kind is an error event naming the attribute', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    await mount({ 'default-kind': 'green' }, (el) => {
      errors = collect(el, 'park-map-error');
      el.data = datav();
    });
    const invalid = errors.find((event) => event.detail.code === 'invalid-default-kind');
    expect(invalid?.detail.message).toContain(
      'default-kind="green" is not one of zone, park, plot, building, project',
    );
  });
});

describe('problems grouped', () => {
  it('10 000 features with the same problem: one event with the count, one banner entry', async () => {
    let errors: ReturnType<typeof collect<'park-map-error'>> = [];
    const data = projectList(10_000);
    for (const feature of data.features)
      (feature.properties as Record<string, unknown>)['建设状态'] = '停工';
    const { element, loaded } = await mount({ lang: 'en', 'default-kind': 'project' }, (el) => {
      errors = collect(el, 'park-map-error');
      el.fields = { id: '编号', name: '项目名称', status: '建设状态' };
      el.data = data;
    });
    expect(loaded.features).toHaveLength(10_000);
    const status = errors.filter((event) => event.detail.code === 'unknown-status');
    expect(status).toHaveLength(1);
    expect(status[0]!.detail).toMatchObject({
      count: 10_000,
      featureId: 'P00001',
      severity: 'warning',
    });
    expect(status[0]!.detail.featureIds).toHaveLength(100);
    expect(status[0]!.detail.message).toMatch(
      /^10000 features have a status that is not one of planned/,
    );
    expect(element.errors.filter((issue) => issue.code === 'unknown-status')).toHaveLength(10_000);
    expect(element.errorGroups.map((group) => [group.code, group.count])).toEqual([
      ['default-kind-applied', 1],
      ['unknown-status', 10_000],
    ]);

    const root = shadow(element);
    expect(text(root, '.issues-count')).toBe('10,001 data problems');
    await userEvent.click(root.querySelector<HTMLButtonElement>('.issues-toggle')!);
    await element.updateComplete;
    const entries = root.querySelectorAll('.issues-list > li');
    expect(entries).toHaveLength(2);
    const grouped = entries[1]!;
    expect(grouped.getAttribute('data-count')).toBe('10000');
    const more = grouped.querySelector('details')!;
    // The sentence says the count: no badge beside it to say it twice.
    expect(grouped.querySelector('.issues-times')).toBeNull();
    expect(grouped.textContent).toContain('10000 features have a status that is not one of');
    expect(more.querySelector('summary')?.textContent).toBe('List the first 50');
    await userEvent.click(more.querySelector('summary')!);
    expect(more.open).toBe(true);
    expect(more.querySelectorAll('ol > li')).toHaveLength(50);
    expect(more.querySelector('ol > li')?.textContent).toContain(
      'Feature "P00001" (项目1), properties.status',
    );
    expect(more.querySelector('p')?.textContent).toContain('and 9,950 more not listed');
  });
});
