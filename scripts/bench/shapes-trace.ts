/**
 * Which of Dramatis's work a page's stalls hold: loads a shape page (scripts/bench/shape-pages.ts)
 * with the traced build (scripts/build.ts --trace, out/bench/trace/), waits until the marks settle,
 * and lays the content script's own spans (src/shared/trace.ts: slices of the walk and of the
 * painting, registry flushes, the viewport gate's reports, mutation records) beside each gap
 * between animation frames over 50 ms after the page's first frame. A stall with none of our spans
 * in it is the browser's own work (style, layout, paint, intersection), named by the span just
 * before it. Prints one run per line group, then our script time per label.
 * With --card, once the marks settle it hovers a mark in view until its card opens, closes the card
 * with Escape and reports the stalls of the next 4 seconds instead (the bench's "card close" rows).
 * With --jumps, once the marks settle it jumps the scroll position as the bench does (50%, 15%, 85%,
 * 30%, 70% of the page, 800 ms apart, without looking for marks) and reports the stalls and, in
 * Chromium, the long tasks after the first jump.
 *   npx tsx scripts/bench/shapes-trace.ts [--engine firefox|chromium] [--shape 2mb] [--runs 3] [--dir DIR] [--card | --jumps]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, launchFirefox, type Engine, type TestPage } from '../../tools/browser/launch';
import { startServer } from '../../tools/browser/server';
import { closeWelcomeTab } from '../../tools/browser/welcome';
import { BENCH_DIR } from '../../tools/paths';
import { allShapePages } from './shape-pages';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1]!;
};
const engine = arg('--engine', 'firefox') as Engine;
const shapeName = arg('--shape', '2mb');
const runs = Number(arg('--runs', '3'));
const dir = arg('--dir', join(BENCH_DIR, 'trace', engine === 'chromium' ? 'chrome' : 'firefox'));
const cardClose = args.includes('--card');
const jumps = args.includes('--jumps');
const QUIET_MS = 5000;
const CAP_MS = 60_000;

interface Span {
  name: string;
  start: number;
  duration: number;
}
interface Probe {
  gaps: [number, number][];
  /** Chromium's long tasks (start, duration), from the shape probe. */
  long: [number, number][];
  readyAt: number;
  marks: number;
  markAt: number;
  now: number;
  spans: Span[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const evaluate = <T>(page: TestPage, script: string): Promise<T> =>
  (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

const PROBE = `({ ...window.__shape, now: performance.now(), spans: performance.getEntries()
  .filter((e) => e.name.startsWith('dramatis '))
  .map((e) => ({ name: e.name.slice(9), start: Math.round(e.startTime * 10) / 10, duration: Math.round(e.duration * 10) / 10 })) })`;

async function once(run: number): Promise<Probe> {
  const session = engine === 'chromium' ? await launchChromium({ extensionDir: dir }) : await launchFirefox({ extensionDir: dir });
  await closeWelcomeTab(session);
  try {
    const page = await session.newPage();
    const shape = allShapePages().find((s) => s.name === shapeName)!;
    await page.goto(server.url(`/bench/shapes/${shape.file}`), { waitUntil: 'domcontentloaded' }).catch(() => undefined);
    const started = Date.now();
    let probe: Probe;
    for (;;) {
      probe = await evaluate<Probe>(page, PROBE);
      if (probe.marks > 0 && probe.now - probe.markAt >= QUIET_MS) break;
      if (Date.now() - started > CAP_MS) break;
      await sleep(250);
    }
    if (cardClose) probe = await openAndClose(page);
    else if (jumps) probe = await jumpAround(page);
    writeFileSync(join(BENCH_DIR, `shapes-trace-${engine}-${shapeName}-${run}.json`), JSON.stringify(probe));
    return probe;
  } finally {
    await session.close();
  }
}

/**
 * Hovers a mark in view until a card is open (its host holds more than the mark layers), presses
 * Escape, moves the pointer away as the bench does, waits 4 s; the probe's "ready" becomes the
 * moment of the Escape, so the report lists the stalls after it.
 */
async function openAndClose(page: TestPage): Promise<Probe> {
  const target = await evaluate<{ x: number; y: number } | null>(
    page,
    `(() => {
    let found = null;
    CSS.highlights.forEach((h) => h.forEach((r) => {
      const rect = r.getClientRects()[0];
      if (!found && rect && rect.y > 40 && rect.y < innerHeight - 40) found = { x: rect.x + Math.min(4, rect.width / 2), y: rect.y + rect.height / 2 };
    }));
    return found;
  })()`,
  );
  if (!target) throw new Error('no mark in view to hover');
  await page.mouse.move(target.x - 30, target.y + 60);
  await page.mouse.move(target.x, target.y);
  // The card's time to open is not what is measured here: a generous fixed wait, as the bench's "without" row.
  await sleep(3000);
  const closedAt = await evaluate<number>(page, 'performance.now()');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await sleep(4000);
  const probe = await evaluate<Probe>(page, PROBE);
  return { ...probe, readyAt: closedAt };
}

/** The bench's five jumps, 800 ms apart; "ready" becomes the first jump. */
async function jumpAround(page: TestPage): Promise<Probe> {
  const from = await evaluate<number>(page, 'performance.now()');
  for (const fraction of [0.5, 0.15, 0.85, 0.3, 0.7]) {
    await evaluate(page, `scrollTo(0, Math.round((document.documentElement.scrollHeight - innerHeight) * ${fraction}))`);
    await sleep(800);
  }
  const probe = await evaluate<Probe>(page, PROBE);
  return { ...probe, readyAt: from };
}

const overlaps = (s: Span, from: number, to: number) => s.start < to && s.start + s.duration > from;

function report(p: Probe, run: number): void {
  const after = p.gaps.filter(([at, ms]) => p.readyAt > 0 && at + ms > p.readyAt);
  console.log(
    `run ${run}: ready at ${Math.round(p.readyAt)} ms, marks ${p.marks} (last at ${Math.round(p.markAt)}), stalls after ready ${after.length}`,
  );
  const longAfter = (p.long ?? []).filter(([at, ms]) => p.readyAt > 0 && at + ms > p.readyAt);
  const events: [number, number, string][] = [
    ...after.map(([a, m]): [number, number, string] => [a, m, 'stall']),
    ...longAfter.map(([a, m]): [number, number, string] => [a, m, 'long task']),
  ];
  for (const [at, ms, kind] of events) {
    const inside = p.spans.filter((s) => overlaps(s, at, at + ms));
    const before = p.spans.filter((s) => s.start + s.duration <= at && s.start + s.duration > at - 40);
    const ours = inside.reduce((sum, s) => sum + Math.min(s.start + s.duration, at + ms) - Math.max(s.start, at), 0);
    const list = (xs: Span[]) =>
      xs
        .filter((s) => !s.name.startsWith('mentions added') && !(s.name.startsWith('add ') && s.duration < 5))
        .map((s) => `${s.name}@${Math.round(s.start)}+${Math.round(s.duration)}`)
        .join(', ');
    console.log(`  ${kind} at ${at} for ${ms} ms; ours ${Math.round(ours)} ms: [${list(inside)}]; just before: [${list(before)}]`);
  }
  const byLabel = new Map<string, { n: number; total: number; max: number }>();
  for (const s of p.spans) {
    if (s.start + s.duration < p.readyAt) continue;
    const label = s.name.replace(/ [\w.]*\d+.*$/, '');
    if (s.duration > 40) console.log(`    long span: ${s.name}@${Math.round(s.start)}+${Math.round(s.duration)}`);
    const t = byLabel.get(label) ?? { n: 0, total: 0, max: 0 };
    t.n++;
    t.total += s.duration;
    t.max = Math.max(t.max, s.duration);
    byLabel.set(label, t);
  }
  for (const [label, t] of byLabel)
    console.log(`  ${label}: ${t.n} spans, ${Math.round(t.total)} ms in all, longest ${Math.round(t.max)} ms (after ready)`);
}

mkdirSync(join(BENCH_DIR, 'shapes'), { recursive: true });
for (const s of allShapePages()) if (s.name === shapeName) writeFileSync(join(BENCH_DIR, 'shapes', s.file), s.html);
const server = await startServer();
try {
  for (let run = 0; run < runs; run++) report(await once(run), run);
} finally {
  await server.close();
}
