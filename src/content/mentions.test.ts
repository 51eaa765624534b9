// @vitest-environment happy-dom
import { onTestFinished, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MatchEntity } from '../core/index/format';
import type { Mention } from '../core/match/mention';
import { DEFAULT_SETTINGS } from '../core/protocol/messages';
import { PageMentions } from './mentions';
import { blocksOf } from './test-support/blocks';
import { installFakeHighlights, paintedTexts, type FakeHighlight } from './test-support/fake-highlights';

const entity = (id: string, name: string, type: MatchEntity['type'] = 'person'): MatchEntity => ({ id, name, type });
const ENTITIES = {
  'herbert-hoover': entity('herbert-hoover', 'Herbert Hoover'),
  'j-edgar-hoover': entity('j-edgar-hoover', 'J. Edgar Hoover'),
  paris: entity('paris', 'Paris', 'place'),
};

let fake: { registry: Map<string, FakeHighlight>; uninstall(): void };
/** Every owner a test made: cleared after it, so no queued paint reaches the next test's registry. */
const made: PageMentions[] = [];
const owner = (): PageMentions => {
  const m = new PageMentions();
  made.push(m);
  return m;
};
beforeEach(() => {
  fake = installFakeHighlights();
});
afterEach(() => {
  for (const m of made.splice(0)) m.clear();
  fake.uninstall();
});

/** Offsets of `word` (its n-th occurrence) in a block's text. */
function span(text: string, word: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  return { start: at, end: at + word.length };
}

describe('PageMentions', () => {
  it('adds mentions over inline markup, paints them by type and lists linked ids', () => {
    const blocks = blocksOf('<p>In <b>Par</b>is, <i>Hoover</i> spoke.</p>');
    const text = blocks[0]!.text;
    const m = owner();
    m.show();
    const added = m.add(
      blocks,
      [
        { block: 0, ...span(text, 'Paris'), id: 'paris' },
        { block: 0, ...span(text, 'Hoover'), candidates: ['herbert-hoover', 'j-edgar-hoover'], key: 'hoover' },
      ],
      ENTITIES,
    );
    expect(added.map((pm) => [pm.range.toString(), pm.kind])).toEqual([
      ['Paris', 'place'],
      ['Hoover', 'ambiguous'],
    ]);
    expect(m.linkedIds()).toEqual(['paris']);
    // The range of "Paris" spans two text nodes ("Par" in <b>, "is" after it).
    expect(added[0]!.range.startContainer).not.toBe(added[0]!.range.endContainer);
  });

  it('a choice applies to every ambiguous mention of the form, now and in later batches, and repaints them', async () => {
    const blocks = blocksOf('<p>Hoover met Hoover.</p><p>Later Hoover left.</p>');
    const amb = (block: number, nth: number): Mention => ({
      block,
      ...span(blocks[block]!.text, 'Hoover', nth),
      candidates: ['herbert-hoover', 'j-edgar-hoover'],
      key: 'hoover',
    });
    const m = owner();
    m.show();
    m.add(blocks, [amb(0, 0), amb(0, 1)], ENTITIES);
    m.choose('hoover', 'j-edgar-hoover');
    expect(m.entries().map((pm) => pm.id)).toEqual(['j-edgar-hoover', 'j-edgar-hoover']);
    m.add(blocks, [amb(1, 0)], ENTITIES);
    expect(m.entries()[2]!.id).toBe('j-edgar-hoover');
    await new Promise((r) => setTimeout(r, 0)); // let the highlighter flush
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Hoover', 'Hoover', 'Hoover']);
    expect(paintedTexts(fake.registry, 'dramatis-ext-ambiguous')).toEqual([]);
  });

  it('a choice never takes an entity the mention could not name', () => {
    const blocks = blocksOf('<p>Hoover spoke.</p>');
    const m = owner();
    m.add(blocks, [{ block: 0, start: 0, end: 6, candidates: ['herbert-hoover', 'j-edgar-hoover'], key: 'hoover' }], ENTITIES);
    m.choose('hoover', 'paris');
    expect(m.entries()[0]!.id).toBeUndefined();
  });

  it("carries the resolver's reason; a pick is the reader's correction; forgotten picks no longer apply", () => {
    const blocks = blocksOf('<p>Hoover spoke. Hoover left.</p>');
    const m = owner();
    const ambiguous = { block: 0, start: 0, end: 6, candidates: ['herbert-hoover', 'j-edgar-hoover'], key: 'hoover' };
    const [linked] = m.add(blocks, [{ block: 0, start: 14, end: 20, id: 'j-edgar-hoover', why: 'q:FBI' }], ENTITIES);
    expect(linked!.why).toBe('q:FBI');
    m.add(blocks, [ambiguous], ENTITIES);
    m.choose('hoover', 'herbert-hoover');
    expect(m.entries()[1]).toMatchObject({ id: 'herbert-hoover', why: 'c' });
    m.forgetChoices();
    m.removeWithin(document.body);
    const [again] = m.add(blocks, [ambiguous], ENTITIES);
    expect(again!.id).toBeUndefined();
    expect(again!.candidates).toEqual(['herbert-hoover', 'j-edgar-hoover']);
  });

  it('finds the mention at a caret position and forgets mentions whose text left the page', () => {
    const blocks = blocksOf('<p>Paris.</p><p id="gone">Paris again.</p>');
    const m = owner();
    m.show();
    const [first, second] = m.add(
      blocks,
      [
        { block: 0, start: 0, end: 5, id: 'paris' },
        { block: 1, start: 0, end: 5, id: 'paris' },
      ],
      ENTITIES,
    );
    const node = second!.range.startContainer;
    expect(m.at(node, 2)).toBe(second);
    expect(m.at(node, 7)).toBeUndefined();
    expect(m.forRange(first!.range)).toBe(first);
    document.getElementById('gone')!.remove();
    m.removeDetached();
    expect(m.entries()).toEqual([first]);
    expect(m.at(node, 2)).toBeUndefined();
  });

  it('upgrades an entity to its card record and clear() forgets everything', () => {
    const blocks = blocksOf('<p>Paris.</p>');
    const m = owner();
    m.show();
    m.add(blocks, [{ block: 0, start: 0, end: 5, id: 'paris' }], ENTITIES);
    m.upgradeEntity({ ...ENTITIES.paris, wikipedia: 'Paris', description: 'Capital of France.' });
    expect(m.entity('paris')).toMatchObject({ description: 'Capital of France.' });
    m.clear();
    expect(m.entries()).toEqual([]);
    expect(m.entity('paris')).toBeUndefined();
    expect(fake.registry.size).toBe(0);
  });

  it('on a very large page paints only the names of blocks near the viewport, as they come and go', async () => {
    // A stand-in IntersectionObserver the test drives by hand.
    type Entry = { target: Element; isIntersecting: boolean; boundingClientRect?: DOMRectReadOnly; rootBounds?: DOMRectReadOnly };
    let report: ((entries: Entry[]) => void) | undefined;
    const observed: Element[] = [];
    const g = globalThis as unknown as { IntersectionObserver?: unknown };
    const before = g.IntersectionObserver;
    g.IntersectionObserver = class {
      constructor(cb: (entries: Entry[]) => void) {
        report = cb;
      }
      observe(el: Element) {
        observed.push(el);
      }
      unobserve() {}
      disconnect() {}
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    try {
      const blocks = blocksOf('<p id="a">Paris.</p><p id="b">Paris again.</p>');
      const m = owner();
      m.paintNearViewport();
      m.show();
      m.add(
        blocks,
        [
          { block: 0, start: 0, end: 5, id: 'paris' },
          { block: 1, start: 0, end: 5, id: 'paris' },
        ],
        ENTITIES,
      );
      await Promise.resolve();
      const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
      // The two blocks are one group, observed through its first and last block.
      expect(observed).toEqual([a, b]);
      const painted = () => [...(fake.registry.get('dramatis-ext-place') ?? [])].map((r) => r.startContainer.parentElement?.id);
      m.forRange(m.entries()[0]!.range); // hit-testing knows every name, painted or not
      expect(painted()).toEqual([]);
      const band = new DOMRect(0, -800, 1000, 2400);
      report!([{ target: a, isIntersecting: true, boundingClientRect: new DOMRect(0, 10, 100, 20), rootBounds: band }]);
      for (const pm of m.entries()) expect(m.at(pm.range.startContainer, 1)).toBe(pm);
      await frame();
      expect(painted()).toEqual(['a', 'b']);
      // Both blocks scrolled far above the band: unpainted together.
      report!([
        { target: a, isIntersecting: false, boundingClientRect: new DOMRect(0, -5000, 100, 20), rootBounds: band },
        { target: b, isIntersecting: false, boundingClientRect: new DOMRect(0, -4970, 100, 20), rootBounds: band },
      ]);
      await frame();
      expect(painted()).toEqual([]);
    } finally {
      g.IntersectionObserver = before;
    }
  });

  it('names inside a giant text node are drawn in the closed root in Chromium, never in the page registry', async () => {
    // Chromium is told from Firefox by navigator.userAgentData (anchored-marks.ts).
    Object.defineProperty(navigator, 'userAgentData', { value: { brands: [] }, configurable: true });
    onTestFinished(() => void delete (navigator as { userAgentData?: unknown }).userAgentData);
    // One text node of 600,000 characters (a plain-text book), then an ordinary paragraph.
    const giant = `${'word '.repeat(120_000)}Paris at last.`;
    const blocks = blocksOf(`<p>${giant}</p><p>Paris again.</p>`);
    const m = owner();
    m.show();
    m.add(
      blocks,
      [
        { block: 0, ...span(blocks[0]!.text, 'Paris'), id: 'paris' },
        { block: 1, ...span(blocks[1]!.text, 'Paris'), id: 'paris' },
      ],
      ENTITIES,
    );
    // The giant block is windowed (block-windows.ts): its window is settled at the next frame.
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    await new Promise((r) => setTimeout(r, 0));
    (m as unknown as { highlighter: { flush(all: boolean): void } }).highlighter.flush(true);
    const registered = [...(fake.registry.get('dramatis-ext-place') ?? [])];
    // Only the ordinary paragraph's name is in the page's registry.
    expect(registered.map((r) => (r.startContainer as Text).length)).toEqual([blocks[1]!.text.length]);
    const anchored = (m as unknown as { anchored: { size: number } }).anchored;
    expect(anchored.size).toBe(1);
    // Both are still found under the pointer and by keyboard navigation.
    expect(m.entries()).toHaveLength(2);
    expect(m.at(blocks[0]!.nodes[0]!, giant.indexOf('Paris') + 1)?.id).toBe('paris');
  });

  it('names inside a giant text node stay in the registry in Firefox (no userAgentData)', async () => {
    expect('userAgentData' in navigator).toBe(false);
    const giant = `${'word '.repeat(120_000)}Paris at last.`;
    const blocks = blocksOf(`<p>${giant}</p>`);
    const m = owner();
    m.show();
    m.add(blocks, [{ block: 0, ...span(blocks[0]!.text, 'Paris'), id: 'paris' }], ENTITIES);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    await new Promise((r) => setTimeout(r, 0));
    (m as unknown as { highlighter: { flush(all: boolean): void } }).highlighter.flush(true);
    expect([...(fake.registry.get('dramatis-ext-place') ?? [])]).toHaveLength(1);
    expect((m as unknown as { anchored: { size: number } }).anchored.size).toBe(0);
  });

  describe("the reader's marks: density, kinds, style, links, the modifier key", () => {
    const html = '<p>Paris and Paris again, and <a href="/x">Paris</a>.</p><p>Hoover in Paris.</p>';
    function page(m: PageMentions) {
      const blocks = blocksOf(html);
      const a = blocks[0]!.text;
      const b = blocks[1]!.text;
      return m.add(
        blocks,
        [
          { block: 0, ...span(a, 'Paris', 0), id: 'paris' },
          { block: 0, ...span(a, 'Paris', 1), id: 'paris' },
          { block: 0, ...span(a, 'Paris', 2), id: 'paris' },
          { block: 1, ...span(b, 'Hoover'), id: 'herbert-hoover' },
          { block: 1, ...span(b, 'Paris'), id: 'paris' },
        ],
        ENTITIES,
      );
    }
    // The registered highlights with at least one range, and how many each paints.
    const painted = () =>
      [...fake.registry.keys()]
        .sort()
        .map((name) => [name, paintedTexts(fake.registry, name).length] as const)
        .filter(([, n]) => n > 0)
        .map(([name, n]) => `${name}:${n}`);
    const flushAll = (m: PageMentions) => (m as unknown as { highlighter: { flush(all: boolean): void } }).highlighter.flush(true);

    it('a name inside a link gets the link style; the others their type', () => {
      const m = owner();
      m.show();
      const added = page(m);
      flushAll(m);
      expect(added.map((pm) => pm.inLink)).toEqual([false, false, true, false, false]);
      expect(painted()).toEqual(['dramatis-ext-link-place:1', 'dramatis-ext-person:1', 'dramatis-ext-place:3']);
    });

    it('re-selects the marks at once when the density, kinds or style change, without detecting again', () => {
      const m = owner();
      m.show();
      page(m);
      m.applyMarkSettings({ ...DEFAULT_SETTINGS, density: 'page' });
      flushAll(m);
      expect(painted()).toEqual(['dramatis-ext-person:1', 'dramatis-ext-place:1']);
      m.applyMarkSettings({ ...DEFAULT_SETTINGS, density: 'block' });
      flushAll(m);
      expect(painted()).toEqual(['dramatis-ext-person:1', 'dramatis-ext-place:2']);
      m.applyMarkSettings({ ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds, place: false } });
      flushAll(m);
      expect(painted()).toEqual(['dramatis-ext-person:1']);
      m.applyMarkSettings({ ...DEFAULT_SETTINGS, markStyle: 'quiet' });
      flushAll(m);
      expect(painted()).toEqual(['dramatis-ext-link-quiet:1', 'dramatis-ext-quiet:4']);
      m.applyMarkSettings({ ...DEFAULT_SETTINGS, markStyle: 'dotted' });
      flushAll(m);
      expect(painted()).toEqual(['dramatis-ext-dotted-person:1', 'dramatis-ext-dotted-place:3', 'dramatis-ext-link-place:1']);
    });

    it('an unmarked name is not found under the caret', () => {
      const m = owner();
      m.show();
      const added = page(m);
      m.applyMarkSettings({ ...DEFAULT_SETTINGS, density: 'page' });
      const second = added[1]!;
      expect(m.at(second.range.startContainer, second.range.startOffset + 1)).toBeUndefined();
      const first = added[0]!;
      expect(m.at(first.range.startContainer, first.range.startOffset + 1)).toBe(first);
    });

    it('modifier density: nothing is shown until the key is held, everything while it is', () => {
      const m = owner();
      m.show();
      page(m);
      m.applyMarkSettings({ ...DEFAULT_SETTINGS, density: 'modifier' });
      flushAll(m);
      expect(painted()).toEqual([]);
      expect(m.marksVisible).toBe(false);
      m.setHeld(true);
      expect(painted()).toEqual(['dramatis-ext-link-place:1', 'dramatis-ext-person:1', 'dramatis-ext-place:3']);
      m.setHeld(false);
      expect(painted()).toEqual([]);
    });
  });
});
