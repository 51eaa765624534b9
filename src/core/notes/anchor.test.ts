import { describe, expect, it } from 'vitest';
import { anchorPassage, describePassage } from './anchor';

const original =
  'Krivitsky joined the Bolshevik Party in 1917, while still a teenager. Like those early Chekists, he was a True Believer. He distinguished himself during the Russian Civil War.';
const passage = 'he was a True Believer';
const start = original.indexOf(passage);
const target = describePassage(original, start, start + passage.length);

describe('passage anchoring', () => {
  it('records quote, context and position', () => {
    expect(target.quote.exact).toBe(passage);
    expect(target.quote.prefix).toBe(original.slice(start - 32, start));
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end: start + passage.length });
  });
  it('finds the passage where it was', () => {
    expect(anchorPassage(original, target)).toEqual({ start, end: start + passage.length, exact: true });
  });
  it('finds it after text was added before it', () => {
    const edited = `A new opening sentence. ${original}`;
    const at = edited.indexOf(passage);
    expect(anchorPassage(edited, target)).toEqual({ start: at, end: at + passage.length, exact: true });
  });
  it('finds it fuzzily after the passage itself was edited', () => {
    const edited = original.replace('he was a True Believer', 'he was a true believer, really');
    const anchor = anchorPassage(edited, target)!;
    expect(anchor.exact).toBe(false);
    expect(edited.slice(anchor.start, anchor.end)).toMatch(/^he was a true believer/);
  });
  it('chooses among repeated quotes by context', () => {
    const text = 'Trotsky wrote. Stalin read. Trotsky wrote again, and Stalin read it twice.';
    const second = text.lastIndexOf('Stalin read');
    const t = describePassage(text, second, second + 'Stalin read'.length);
    const moved = `Preface. ${text}`;
    const anchor = anchorPassage(moved, { ...t, position: { ...t.position, start: 0, end: 11 } })!;
    expect(moved.slice(anchor.start - 4, anchor.end + 3)).toBe('and Stalin read it');
  });
  it('gives up (orphan, not a wrong place) when the passage is gone', () => {
    const edited = original.replace(/Like those early Chekists, he was a True Believer\./, 'Something else entirely was said here.');
    expect(anchorPassage(edited, target)).toBeNull();
  });
});
