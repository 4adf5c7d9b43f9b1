// Who to call, first: the hotline at the top of the details panel as a tel: link, a park's or
// project's inherited from its zone (and said whose), "not stated" for a zone or park that has
// none anywhere up its chain; in both languages. Real clicks reach it from the list's parent link.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SEED_URL, mount, shadow, useCleanPage } from './helpers.js';

useCleanPage({ sameOrigin: true });

async function details(lang: string, selected: string) {
  const { element } = await mount({ src: SEED_URL, lang, selected });
  await element.updateComplete;
  const panel = shadow(element).querySelector<HTMLElement>('.details')!;
  return { element, panel, contact: panel.querySelector<HTMLElement>('.contact') };
}

const words = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim();

describe('the hotline in the details panel', () => {
  it("a zone's own, first: right under the title, before the status, as a tel: link", async () => {
    const { panel, contact } = await details('zh-CN', 'xx-zone');
    expect(contact?.dataset.contact).toBe('own');
    expect(words(contact)).toBe('招商热线 0731-56568888');
    const link = contact!.querySelector<HTMLAnchorElement>('a.phone')!;
    expect(link.getAttribute('href')).toBe('tel:073156568888');
    // Before the status line: read first.
    const status = panel.querySelector('.status')!;
    expect(
      contact!.compareDocumentPosition(status) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it("a park without one has its zone's, named; in English too", async () => {
    const zh = await details('zh-CN', 'xx-power-park');
    expect(zh.contact?.dataset.contact).toBe('inherited');
    expect(words(zh.contact)).toBe('招商热线 0731-56568888 （湘乡经开区）');
    zh.element.remove();
    const en = await details('en', 'xx-zhentian-2');
    expect(words(en.contact)).toBe(
      'Investment hotline 0731-56568888 (Xiangxiang Economic Development Zone)',
    );
    expect(en.contact!.querySelector('a.phone')!.getAttribute('href')).toBe('tel:073156568888');
  });

  it('a zone with none anywhere says the data does not give one, and invents none', async () => {
    const { element, contact } = await details('zh-CN', 'hy-zone');
    expect(contact?.dataset.contact).toBe('none');
    expect(words(contact)).toBe('招商热线 资料未载');
    expect(contact!.querySelector('a')).toBeNull();
    element.lang = 'en';
    await element.updateComplete;
    expect(words(shadow(element).querySelector('.details .contact'))).toBe(
      'Investment hotline not stated',
    );
  });

  it('goes with the panel: the parent link opens the zone and its own hotline', async () => {
    const { element, panel } = await details('zh-CN', 'xx-power-park');
    const parent = panel.querySelector<HTMLButtonElement>('.kind button.link')!;
    await userEvent.click(parent);
    await element.updateComplete;
    expect(element.selected).toBe('xx-zone');
    expect(shadow(element).querySelector<HTMLElement>('.details .contact')!.dataset.contact).toBe(
      'own',
    );
  });
});
