// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from './highlights';
import { FakeHighlight as PageHighlight, installFakeHighlights, paintedTexts, type FakeHighlight } from './test-support/fake-highlights';

let fake: { registry: Map<string, FakeHighlight>; uninstall(): void };
beforeEach(() => {
  fake = installFakeHighlights();
  document.body.innerHTML = '<p>Walter Krivitsky met Ignace Reiss in Paris.</p>';
});
afterEach(() => fake.uninstall());

function rangeOver(word: string): Range {
  const text = document.body.querySelector('p')!.firstChild as Text;
  const at = text.data.indexOf(word);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + word.length);
  return range;
}

describe('Highlighter', () => {
  it("never replaces or removes a page's own highlight of the same name", () => {
    const pages = new PageHighlight([rangeOver('Reiss')]);
    fake.registry.set('dramatis-ext-person', pages);
    const h = new Highlighter();
    h.add('person', rangeOver('Krivitsky'));
    h.add('place', rangeOver('Paris'));
    h.flush(true);
    h.show();
    expect(fake.registry.get('dramatis-ext-person')).toBe(pages);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Reiss']);
    expect(paintedTexts(fake.registry, 'dramatis-ext-place')).toEqual(['Paris']);
    h.hide();
    expect(fake.registry.get('dramatis-ext-person')).toBe(pages);
    expect(fake.registry.has('dramatis-ext-place')).toBe(false);
  });

  it('registers nothing until shown, then one highlight per kind with its ranges', () => {
    const h = new Highlighter();
    h.add('person', rangeOver('Krivitsky'));
    h.add('place', rangeOver('Paris'));
    h.flush(true);
    expect(fake.registry.size).toBe(0);
    h.show();
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Krivitsky']);
    expect(paintedTexts(fake.registry, 'dramatis-ext-place')).toEqual(['Paris']);
  });

  it('adds ranges after a flush, removes them, hides and shows again', () => {
    const h = new Highlighter();
    h.show();
    const reiss = rangeOver('Reiss');
    h.add('person', rangeOver('Krivitsky'));
    h.add('person', reiss);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual([]); // queued until the flush
    h.flush(true);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Krivitsky', 'Reiss']);
    h.remove('person', reiss);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Krivitsky', 'Reiss']); // removals wait for the frame too
    h.flush(true);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Krivitsky']);
    h.hide();
    expect(fake.registry.has('dramatis-ext-person')).toBe(false);
    h.show();
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Krivitsky']);
  });

  it('applies every change queued in a frame at once, before the next frame: one registry change, not one per mark', async () => {
    const p = document.body.querySelector('p')!;
    p.textContent = 'Reiss '.repeat(500);
    const text = p.firstChild as Text;
    const ranges = Array.from({ length: 500 }, (_, i) => {
      const r = document.createRange();
      r.setStart(text, i * 6);
      r.setEnd(text, i * 6 + 5);
      return r;
    });
    const h = new Highlighter();
    h.show();
    for (const r of ranges) h.add('person', r);
    expect(h.queued).toBe(500);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual([]);
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 0));
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toHaveLength(500);
    expect(h.changes).toBe(1);
    // A scroll's worth of churn in one frame: half unpainted, and a few painted and unpainted again.
    for (const r of ranges.slice(0, 250)) h.remove('person', r);
    const extra = document.createRange();
    extra.setStart(text, 3);
    extra.setEnd(text, 4);
    h.add('person', extra);
    h.remove('person', extra);
    h.flush();
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toHaveLength(250);
    expect(h.changes).toBe(2);
    expect(h.queued).toBe(0);
  });

  it('a range painted and unpainted within one frame changes nothing; a re-select across kinds moves it in one change', () => {
    const h = new Highlighter();
    h.show();
    const k = rangeOver('Krivitsky');
    h.add('person', k);
    h.remove('person', k);
    h.flush(true);
    expect(h.changes).toBe(0);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual([]);
    h.add('person', k);
    h.flush(true);
    h.remove('person', k);
    h.add('quiet', k);
    h.flush(true);
    expect(h.changes).toBe(2);
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual([]);
    expect(paintedTexts(fake.registry, 'dramatis-ext-quiet')).toEqual(['Krivitsky']);
  });

  it('keeps to its slice of the frame: what is left is applied in the next one', () => {
    const h = new Highlighter();
    h.show();
    const p = document.body.querySelector('p')!;
    p.textContent = 'x'.repeat(1000);
    const text = p.firstChild as Text;
    for (let i = 0; i < 1000; i++) {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      h.add('place', r);
    }
    // A clock that advances 1 ms per look: the 8 ms slice ends after a few looks (64 changes each).
    let now = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    try {
      h.flush();
      const first = paintedTexts(fake.registry, 'dramatis-ext-place').length;
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(1000);
      expect(h.queued).toBe(1000 - first);
      h.flush(true);
      expect(paintedTexts(fake.registry, 'dramatis-ext-place')).toHaveLength(1000);
    } finally {
      spy.mockRestore();
    }
  });

  it('clear() unregisters everything and drops what was queued', () => {
    const h = new Highlighter();
    h.show();
    h.add('person', rangeOver('Krivitsky'));
    h.clear();
    h.flush(true);
    expect(fake.registry.size).toBe(0);
    h.show();
    expect(fake.registry.size).toBe(0);
  });
});
