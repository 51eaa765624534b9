import { describe, expect, it } from 'vitest';
import { verdicts } from './shape-verdicts';
import type { ShapeRun } from './shapes';

const quiet = { maxGapMs: 0, gapsOver50: 0, maxLongTaskMs: 0, longTasks: 0 };
/** A run of `shape` in `engine`; `after` and `jumps` give the counts of long tasks (Chromium) or stalls. */
function run(shape: string, variant: ShapeRun['variant'], after: number, extra: Partial<ShapeRun> = {}): ShapeRun {
  return {
    shape,
    engine: 'chromium',
    variant,
    run: 0,
    ...quiet,
    marks: variant === 'none' ? 0 : 30,
    lastMarkMs: null,
    timedOut: false,
    afterReady: { ...quiet, longTasks: after, gapsOver50: after },
    ...extra,
  };
}
const verdictOf = (runs: ShapeRun[], shape = '2mb') =>
  verdicts(runs, [{ name: shape }], 'chromium')
    .find((l) => l.startsWith(`| ${shape} |`))!
    .split(' | ')
    .at(-1)!;

describe('the shapes bench verdicts', () => {
  it('met when Dramatis adds no task by the median, marks every run, and marks a block scrolled in within 100 ms', () => {
    const runs = [0, 1, 0].map((n) => run('2mb', 'dramatis', n, { viewMs: [40, 60] }));
    const without = [0, 0, 1].map((n) => run('2mb', 'none', n));
    expect(verdictOf([...runs, ...without])).toBe('met |');
  });
  it('NOT met, saying why, when the median count is higher than the page alone', () => {
    const runs = [1, 2, 1].map((n) => run('2mb', 'dramatis', n));
    const without = [0, 0, 0].map((n) => run('2mb', 'none', n));
    expect(verdictOf([...runs, ...without])).toBe('NOT met: after the first frame: 1 against 0 without, by the median |');
  });
  it('NOT met when a run has no marks, or scrolled-in blocks wait 100 ms or more, or any jump finds none within the cap', () => {
    const noMarks = [run('2mb', 'dramatis', 0), run('2mb', 'dramatis', 0, { marks: 0 }), run('2mb', 'none', 0)];
    expect(verdictOf(noMarks)).toBe('NOT met: no marks in 1 of 2 runs |');
    const slow = [run('2mb', 'dramatis', 0, { viewMs: [40, null, null] }), run('2mb', 'none', 0)];
    expect(verdictOf(slow)).toMatch(/^NOT met: enters view to marks none \(3 jumps, 2 none within 5 s\)/);
    const oneMissed = [run('2mb', 'dramatis', 0, { viewMs: [40, 50, null] }), run('2mb', 'none', 0)];
    expect(verdictOf(oneMissed)).toBe('NOT met: enters view to marks 50 ms (3 jumps, 1 none within 5 s) |');
  });
  it('wants no mark at all on a page without names', () => {
    const none = [run('nameless-2mb', 'dramatis', 0, { marks: 0 }), run('nameless-2mb', 'none', 0)];
    expect(
      verdicts(none, [{ name: 'nameless-2mb', nameless: true }], 'chromium')
        .at(-1)!
        .endsWith('| met |'),
    ).toBe(true);
    const some = [run('nameless-2mb', 'dramatis', 0, { marks: 3 }), run('nameless-2mb', 'none', 0)];
    expect(verdicts(some, [{ name: 'nameless-2mb', nameless: true }], 'chromium').at(-1)).toMatch(
      /NOT met: marks on a page with no names in 1 of 1 runs \|$/,
    );
  });
  it('judges a card close by the window after the Escape, and an unmeasured window is never met', () => {
    const close = [run('2mb card close', 'dramatis', 0, { longTasks: 1 }), run('2mb card close', 'none', 0)];
    expect(verdictOf(close, '2mb card close')).toBe('NOT met: after the Escape: 1 against 0 without, by the median |');
    const unmeasured = [run('2mb', 'dramatis', 0), run('2mb', 'none', 0, { afterReady: undefined })];
    expect(verdictOf(unmeasured)).toBe('NOT met: after the first frame: not measured |');
  });
});
