// Parks side by side, in real Chromium: picked from the details panel by keyboard (Tab, Enter),
// at most three, read side by side in a modal table (focus in it, Escape closes it), exported as
// the officials' CSV; in both languages (axe on the open table: a11y.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ParkMap } from '../../src/park-map.js';
import { SEED_URL, mount, shadow, useCleanPage } from './helpers.js';

useCleanPage({ sameOrigin: true });
afterEach(() => vi.restoreAllMocks());

const root = (element: ParkMap) => shadow(element);

/** Opens a feature's details and presses its compare button by keyboard. */
async function pickByKeyboard(element: ParkMap, id: string) {
  element.select(id);
  await element.updateComplete;
  const button = root(element).querySelector<HTMLButtonElement>('.details .compare-toggle')!;
  button.focus();
  await userEvent.keyboard('{Enter}');
  await element.updateComplete;
}

const cells = (table: Element, row: string) =>
  [...table.querySelectorAll(`tr[data-row="${row}"] td`)].map((cell) =>
    cell.textContent!.replace(/\s+/g, ' ').trim(),
  );

describe('comparing parks', () => {
  it('picks up to three by keyboard, reads them side by side, Escape closes the table', async () => {
    const { element } = await mount({ src: SEED_URL }, undefined, true);
    await pickByKeyboard(element, 'xx-zone');
    await pickByKeyboard(element, 'hy-software');
    await pickByKeyboard(element, 'hy-hq-base');
    expect(element.compared).toEqual(['xx-zone', 'hy-software', 'hy-hq-base']);
    // The button says so when pressed; a fourth cannot be added.
    const pressed = root(element).querySelector<HTMLButtonElement>('.details .compare-toggle')!;
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    expect(pressed.textContent!.trim()).toBe('移出对比');
    element.select('xx-power-park');
    await element.updateComplete;
    const full = root(element).querySelector<HTMLButtonElement>('.details .compare-toggle')!;
    expect(full.disabled).toBe(true);
    expect(full.textContent!.trim()).toBe('对比最多 3 项');
    const bar = root(element).querySelector('.details .compare-bar')!;
    expect(bar.textContent).toContain('对比（3/3）');

    // The table, by keyboard.
    root(element).querySelector<HTMLButtonElement>('.compare-open')!.focus();
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    const dialog = root(element).querySelector<HTMLDialogElement>('.compare-dialog')!;
    expect(dialog.open).toBe(true);
    // Modal: the focus is inside it.
    expect(dialog.contains(root(element).activeElement)).toBe(true);
    const table = dialog.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((cell) => cell.textContent!.trim())).toEqual(
      ['湘乡经开区', '湘南湘西软件产业园', '总部基地'],
    );
    expect(cells(table, 'kind')).toEqual(['开发区', '产业园', '产业园']);
    expect(cells(table, 'hotline')[0]).toBe('0731-56568888');
    // The headquarters base: 70万余平方米 (a qualifier kept).
    expect(cells(table, 'floorArea')[2]).toBe('70万余平方米');
    await userEvent.keyboard('{Escape}');
    await element.updateComplete;
    expect(root(element).querySelector('.compare-dialog')).toBeNull();
  });

  it('exports the comparison as the officials’ CSV; in English', async () => {
    const { element } = await mount({ src: SEED_URL, lang: 'en' }, undefined, true);
    element.compared = ['hy-software', 'nowhere', 'hy-hq-base', 'hy-software'];
    // Unknown ids and repeats are left out.
    expect(element.compared).toEqual(['hy-software', 'hy-hq-base']);
    element.select('hy-software');
    await element.updateComplete;
    await userEvent.click(root(element).querySelector<HTMLButtonElement>('.compare-open')!);
    await element.updateComplete;
    const dialog = root(element).querySelector<HTMLDialogElement>('.compare-dialog')!;
    expect(dialog.querySelector('h2')!.textContent).toBe('Comparison');
    expect(cells(dialog, 'status')).toEqual(['Operating', 'Fitting out']);
    const blobs: Blob[] = [];
    const create = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return create(blob as Blob);
    });
    await userEvent.click(dialog.querySelector<HTMLButtonElement>('.compare-csv')!);
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    const rows = new TextDecoder()
      .decode(await blobs[0]!.arrayBuffer())
      .trimEnd()
      .split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Name,Chinese name,Kind,Part of,Status');
    expect(rows[2]).toContain('Headquarters Base');
    await userEvent.click(dialog.querySelector<HTMLButtonElement>('.compare-close')!);
    await element.updateComplete;
    expect(root(element).querySelector('.compare-dialog')).toBeNull();
  });
});
