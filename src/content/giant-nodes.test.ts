// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { LazyAnchoredMarks, type AnchoredSurface, type MarkKind } from './giant-nodes';

/** A layer that records what it is handed. */
function recorder() {
  const marks = new Map<Range, MarkKind>();
  const calls: string[] = [];
  const layer: AnchoredSurface = {
    add: (kind, range) => void marks.set(range, kind),
    remove: (range) => void marks.delete(range),
    show: () => void calls.push('show'),
    hide: () => void calls.push('hide'),
    clear: () => marks.clear(),
    flush: () => void calls.push('flush'),
    get size() {
      return marks.size;
    },
  };
  return { layer, marks, calls };
}

const range = () => document.createRange();

describe('LazyAnchoredMarks', () => {
  it('loads the layer on the first name and hands over what came meanwhile', async () => {
    const { layer, marks, calls } = recorder();
    let release!: () => void;
    const load = vi.fn(
      () => new Promise<{ createAnchoredMarks: () => AnchoredSurface }>((r) => (release = () => r({ createAnchoredMarks: () => layer }))),
    );
    const lazy = new LazyAnchoredMarks(load);
    lazy.show();
    lazy.flush();
    expect(load).not.toHaveBeenCalled();
    const [a, b, c] = [range(), range(), range()];
    lazy.add('place', a);
    lazy.add('person', b);
    lazy.add('event', c);
    lazy.remove(b);
    expect(load).toHaveBeenCalledTimes(1);
    expect(lazy.size).toBe(2);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect([...marks.entries()]).toEqual([
      [a, 'place'],
      [c, 'event'],
    ]);
    expect(calls).toEqual(['show']);
    // Once loaded, everything goes straight through.
    lazy.add('work', b);
    lazy.remove(a);
    lazy.hide();
    lazy.flush();
    expect([...marks.values()]).toEqual(['event', 'work']);
    expect(calls).toEqual(['show', 'hide', 'flush']);
    expect(lazy.size).toBe(2);
  });

  it('tries again on a later name when the load failed, and stays quiet after a clear', async () => {
    const { layer, marks } = recorder();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<{ createAnchoredMarks: () => AnchoredSurface }>>()
      .mockRejectedValueOnce(new Error('gone'))
      .mockResolvedValue({ createAnchoredMarks: () => layer });
    const lazy = new LazyAnchoredMarks(load);
    lazy.add('place', range());
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalledOnce();
    lazy.clear();
    expect(lazy.size).toBe(0);
    const kept = range();
    lazy.add('place', kept);
    await new Promise((r) => setTimeout(r, 0));
    expect(load).toHaveBeenCalledTimes(2);
    expect([...marks.keys()]).toEqual([kept]);
    warn.mockRestore();
  });
});
