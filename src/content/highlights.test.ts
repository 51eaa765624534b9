// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Krivitsky']);
    h.hide();
    expect(fake.registry.has('dramatis-ext-person')).toBe(false);
    h.show();
    expect(paintedTexts(fake.registry, 'dramatis-ext-person')).toEqual(['Krivitsky']);
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
