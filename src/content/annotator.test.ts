// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../core/match/mention';
import type { DetectResult } from '../core/protocol/messages';
import type { PageBlock } from './block-range';
import type { PageMentions } from './mentions';
import { Slicer } from './slicer';

/** Every detect message the fake background received. */
const sent: { blocks: string[]; onPage?: string[] }[] = [];

// A background that links every whole word "Krivitsky" (and only whole words: a name cut at a
// slice's edge must not be found as a shorter one).
vi.mock('../shared/messaging', () => ({
  sendPatiently: (message: { blocks: string[]; onPage?: string[] }): Promise<DetectResult> => {
    sent.push(message);
    const mentions: Mention[] = [];
    message.blocks.forEach((text, block) => {
      for (const m of text.matchAll(/(?<![A-Za-z])Krivitsky(?![A-Za-z])/g))
        mentions.push({ block, start: m.index, end: m.index + 9, id: 'Q1' });
    });
    return Promise.resolve({ mentions, entities: { Q1: { id: 'Q1', name: 'Walter Krivitsky', type: 'person' } as never }, years: [] });
  },
}));

const { Annotator, hugeSlices, nextSlice, HUGE_SLICE_CHARS, SLICE_OVERLAP_CHARS } = await import('./annotator');

/** Records what the annotator adds, as (block text length, start, end). */
function recordingMentions() {
  const added: { start: number; end: number; text: string }[] = [];
  const mentions = {
    linkedIds: () => (added.length > 0 ? ['Q1'] : []),
    wantsReadingOrder: () => false,
    add: (blocks: readonly PageBlock[], ms: readonly Mention[]) => {
      for (const m of ms) added.push({ start: m.start, end: m.end, text: blocks[m.block]!.text.slice(m.start, m.end) });
      return [];
    },
  };
  return { mentions: mentions as unknown as PageMentions, added };
}

afterEach(() => {
  sent.length = 0;
  document.body.replaceChildren();
});

describe('nextSlice', () => {
  const slices = hugeSlices(1000, 100, 10);
  it('takes the slice under the viewport, then the nearest, and reading order with no viewport', () => {
    const left = new Set(slices.keys());
    expect(nextSlice(slices, left, 555)).toBe(5);
    left.delete(5);
    expect([4, 6]).toContain(nextSlice(slices, left, 555));
    expect(nextSlice(slices, left, 640)).toBe(6);
    expect(nextSlice(slices, left, undefined)).toBe(0);
    expect(nextSlice(slices, new Set([7, 2, 9]), undefined)).toBe(2);
    expect(nextSlice(slices, new Set([0, 9]), 999)).toBe(9);
  });
});

describe('hugeSlices', () => {
  it('tiles the text with own parts and widens each by the overlap', () => {
    const slices = hugeSlices(250, 100, 10);
    expect(slices).toEqual([
      { from: 0, to: 110, ownFrom: 0, ownTo: 100 },
      { from: 90, to: 210, ownFrom: 100, ownTo: 200 },
      { from: 190, to: 250, ownFrom: 200, ownTo: 250 },
    ]);
  });
});

describe('Annotator on a huge block', () => {
  it('finds every name once, at its place in the block, including names across slice edges', async () => {
    // Names placed so some start before each slice edge and run across it, and some just after.
    const length = HUGE_SLICE_CHARS * 3 + 5000;
    const chars: string[] = Array.from({ length }, (_, i) => (i % 7 === 6 ? ' ' : 'x'));
    const at: number[] = [];
    for (const edge of [HUGE_SLICE_CHARS, 2 * HUGE_SLICE_CHARS, 3 * HUGE_SLICE_CHARS]) at.push(edge - 25, edge - 5, edge + 6, edge + 20);
    at.push(10, length - 20);
    for (const start of at) {
      chars[start - 1] = ' ';
      'Krivitsky'.split('').forEach((c, k) => (chars[start + k] = c));
      chars[start + 9] = ' ';
    }
    const p = document.createElement('p');
    p.textContent = chars.join('');
    document.body.append(p);
    const { mentions, added } = recordingMentions();
    await new Annotator(mentions, new AbortController().signal, () => new Slicer(1000)).annotate(document.body);

    expect(added.map((m) => m.start).sort((a, b) => a - b)).toEqual([...at].sort((a, b) => a - b));
    expect(added.every((m) => m.text === 'Krivitsky')).toBe(true);
    // No message carries more than a slice and its overlaps, and later slices know the names found before.
    expect(sent).toHaveLength(4);
    for (const m of sent) expect(m.blocks.join('').length).toBeLessThanOrEqual(HUGE_SLICE_CHARS + 2 * SLICE_OVERLAP_CHARS);
    expect(sent[0]!.onPage).toBeUndefined();
    expect(sent[1]!.onPage).toEqual(['Q1']);
  });

  it('sends ordinary blocks in one batch, not in slices', async () => {
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.textContent = `Paragraph ${i} about Krivitsky.`;
      document.body.append(p);
    }
    const { mentions, added } = recordingMentions();
    await new Annotator(mentions, new AbortController().signal, () => new Slicer(1000)).annotate(document.body);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.blocks).toHaveLength(3);
    expect(added).toHaveLength(3);
  });
});

describe('Annotator on a page with chrome', () => {
  it('sends the article for detection but not the menu, sidebar or reference list around it', async () => {
    document.body.innerHTML = `<nav><ul><li>Krivitsky in the menu</li></ul></nav>
      <main><p>The article names Krivitsky.</p><aside>Krivitsky in a sidebar</aside></main>
      <ol class="references"><li>Krivitsky, W. (1939). In Stalin's Secret Service.</li></ol>`;
    const { mentions, added } = recordingMentions();
    await new Annotator(mentions, new AbortController().signal, () => new Slicer(1000)).annotate(document.body);
    expect(sent.flatMap((m) => m.blocks)).toEqual(['The article names Krivitsky.']);
    expect(added).toEqual([{ start: 18, end: 27, text: 'Krivitsky' }]);
  });

  it('does not read chrome that a live update brings in either (the walk starts inside the menu)', async () => {
    document.body.innerHTML = '<nav class="site-nav"><ul><li id="new">Krivitsky</li></ul></nav><p>Krivitsky</p>';
    const { mentions, added } = recordingMentions();
    await new Annotator(mentions, new AbortController().signal, () => new Slicer(1000)).annotate(document.getElementById('new')!);
    expect(sent).toHaveLength(0);
    expect(added).toHaveLength(0);
  });
});
