/**
 * The verdicts of the hostile-shapes bench (scripts/bench/shapes.ts), apart so they can be tested
 * without a browser.
 */
import type { Engine } from '../../tools/browser/launch';
import type { ShapeRun } from './shapes';
import type { ShapePage } from './shape-pages';

/** Shapes whose runs also open and close a card. */
export const CARD_SHAPES = new Set(['2mb', 'lines-10k']);
/** How long a jump waits for a mark in view before it counts as none. */
export const JUMP_CAP_MS = 5000;

type Window = Pick<ShapeRun, 'maxGapMs' | 'gapsOver50' | 'maxLongTaskMs' | 'longTasks'>;
type Variant = ShapeRun['variant'];

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The issue's target for each shape, judged from the runs: every run with Dramatis has marks, and
 * Dramatis adds no task over 50 ms. What Dramatis adds is read against the same page without it,
 * alternated run by run (the page's own parsing, layout and the machine's noise are in both): the
 * count in each window (Chromium: long tasks; Firefox, which has no Long Tasks API: stalls between
 * frames), by the median of the runs, must not exceed the page's own. Windows: after the page's first
 * frame until the marks settle; during the scroll jumps; for "card close" rows, the 4 s after the
 * Escape. Scrolling in: the median time from a jump to a mark in view under 100 ms.
 */
export function verdicts(runs: ShapeRun[], shapes: Pick<ShapePage, 'name' | 'nameless'>[], engine: Engine): string[] {
  const chromium = engine === 'chromium';
  const count = (w: Window | undefined) => (w ? ((chromium ? w.longTasks : w.gapsOver50) ?? w.gapsOver50) : undefined);
  const what = chromium ? 'long tasks' : 'stalls';
  const lines = [
    `| shape | ${what} with Dramatis, per run | without, per run | marks in every run (none on a page without names) | enters view to marks (median) | verdict |`,
    '|---|---|---|---|---|---|',
  ];
  const perRun = (xs: (number | undefined)[]) => (xs.some((x) => x === undefined) ? 'not measured' : xs.join(', '));
  for (const shape of [...shapes.map((p) => p.name), ...shapes.filter((p) => CARD_SHAPES.has(p.name)).map((p) => `${p.name} card close`)]) {
    const of = (variant: Variant) => runs.filter((r) => r.engine === engine && r.shape === shape && r.variant === variant);
    const withRuns = of('dramatis');
    const without = of('none');
    if (withRuns.length === 0) continue;
    const close = shape.endsWith('card close');
    // One or two windows per shape; each compared with the page alone.
    const windows: { label: string; pick: (r: ShapeRun) => Window | undefined }[] = close
      ? [{ label: 'after the Escape', pick: (r) => r }]
      : withRuns.every((r) => !r.afterReady)
        ? // The infinite page never settles before it stops growing: its window is the whole growth.
          [{ label: 'while it grows', pick: (r) => r }]
        : [
            { label: 'after the first frame', pick: (r) => r.afterReady },
            ...(withRuns.some((r) => r.jumps) ? [{ label: 'during the jumps', pick: (r: ShapeRun) => r.jumps }] : []),
          ];
    const problems: string[] = [];
    const cells = windows.map(({ label, pick }) => {
      const w = withRuns.map((r) => count(pick(r)));
      const o = without.map((r) => count(pick(r)));
      const known = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);
      if (known(w).length < w.length || known(o).length === 0 || known(o).length < o.length) problems.push(`${label}: not measured`);
      else if (median(known(w)) > median(known(o)))
        problems.push(`${label}: ${median(known(w))} against ${median(known(o))} without, by the median`);
      return { with: `${label}: ${perRun(w)}`, without: `${perRun(o)}` };
    });
    // A page with no names must stay unmarked; any other must be marked in every run.
    const nameless = shapes.find((p) => p.name === shape)?.nameless === true;
    const noMarks = withRuns.filter((r) => !(r.marks > 0)).length;
    const marked = withRuns.length - noMarks;
    if (nameless && marked > 0) problems.push(`marks on a page with no names in ${marked} of ${withRuns.length} runs`);
    if (!nameless && noMarks > 0) problems.push(`no marks in ${noMarks} of ${withRuns.length} runs`);
    if (close && withRuns.some((r) => (r.replacedAfterClose ?? 0) > 0)) problems.push('marks replaced after a close');
    const catchUp = withRuns.map((r) => r.catchUpMs);
    if (catchUp.some((c) => c !== undefined)) {
      // "Processed at the pace it grows, no backlog": every paragraph marked within a second of the last one.
      const known = catchUp.filter((c): c is number => typeof c === 'number');
      if (known.length < catchUp.length || median(known) > 1000)
        problems.push(`caught up ${known.length ? `${Math.round(median(known))} ms` : 'never'} after growth stopped (target: within 1 s)`);
    }
    const views = withRuns.flatMap((r) => r.viewMs ?? []);
    const seen = views.filter((v): v is number => typeof v === 'number');
    let viewCell = '';
    if (views.length > 0) {
      const missed = views.length - seen.length;
      // A jump with no mark within the cap counts as slower than any other.
      const all = [...seen, ...Array.from({ length: missed }, () => Infinity)];
      const med = median(all);
      viewCell = `${Number.isFinite(med) ? `${Math.round(med)} ms` : 'none'} (${views.length} jumps${missed ? `, ${missed} none within ${JUMP_CAP_MS / 1000} s` : ''})`;
      // A jump that found no mark at all within the cap fails whatever the median.
      if (!(med < 100) || missed > 0) problems.push(`enters view to marks ${viewCell}`);
    }
    lines.push(
      `| ${shape} | ${cells.map((c) => c.with).join('; ')} | ${cells.map((c) => c.without).join('; ')} | ${nameless ? (marked === 0 ? 'none, as it should (no names)' : `${marked} of ${withRuns.length} runs marked`) : noMarks === 0 ? 'yes' : `no (${noMarks} of ${withRuns.length} without)`} | ${viewCell} | ${problems.length === 0 ? 'met' : `NOT met: ${problems.join('; ')}`} |`,
    );
  }
  return lines;
}
