/**
 * npm run bench -- --shapes [--runs N] [--before DIR [--before-name COMMIT]] [--engines chromium,firefox] [--only a,b]
 * The hostile page shapes of issue 12 in real browsers, with and without the extension in one run:
 * a 2 MB page, 10,000 lines, one block of 1,900 / 3,800 / 15,000 one-character text nodes, one 5 MB
 * text node, 2,000 <br> lines, infinite scroll (100 paragraphs a second for 30 s), and a card opened
 * and closed on the 2 MB and 10,000-line pages. Per run: main-thread stalls (gaps between animation
 * frames over 50 ms, both browsers), long tasks (Long Tasks API, Chromium only), marks and when the
 * last one came. `--before DIR` adds an older build (DIR/chrome, DIR/firefox) as a third variant.
 * Writes the section between <!-- shapes --> and <!-- /shapes --> of docs/PERFORMANCE.md and the raw
 * runs to out/bench/shapes.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  chromiumPath,
  firefoxPath,
  launchChromium,
  launchFirefox,
  launchPlain,
  type Engine,
  type TestPage,
} from '../../tools/browser/launch';
import { startServer, type StaticServer } from '../../tools/browser/server';
import { closeWelcomeTab } from '../../tools/browser/welcome';
import { ask, type CardInfo } from '../../tools/browser/page';
import { BENCH_DIR, DIST_CHROME, DIST_FIREFOX, DOCS_DIR } from '../../tools/paths';
import { allShapePages, type ShapePage } from './shape-pages';
import { CARD_SHAPES, JUMP_CAP_MS, median, verdicts } from './shape-verdicts';

type Variant = 'dramatis' | 'before' | 'none';

/** Stalls and long tasks within a time window. */
type Window = Pick<ShapeRun, 'maxGapMs' | 'gapsOver50' | 'maxLongTaskMs' | 'longTasks'>;

interface ProbeState {
  long: [number, number][];
  gaps: [number, number][];
  marks: number;
  markAt: number;
  firstMarkAt: number;
  frames: number;
  longtaskApi: boolean;
  now: number;
  /** The page's own first frame after load (0 until then). */
  readyAt: number;
}

export interface ShapeRun {
  shape: string;
  engine: Engine;
  variant: Variant;
  run: number;
  /** Longest gap between animation frames in the window (ms); 0 when none over 50 ms. */
  maxGapMs: number;
  gapsOver50: number;
  /** Chromium only: long tasks in the window (null in Firefox). */
  maxLongTaskMs: number | null;
  longTasks: number | null;
  marks: number;
  /** Navigation start to the last change of the mark count. */
  lastMarkMs: number | null;
  /** Navigation start to the first mark (absent in runs logged before it was measured). */
  firstMarkMs?: number | null;
  /** The page did not settle (or stopped answering) within the cap. */
  timedOut: boolean;
  /** document.visibilityState at the end of the load (a hidden tab's frames are throttled). */
  visibility?: string;
  /** Card shapes: marks whose ranges were replaced after the card closed (a re-detection). */
  replacedAfterClose?: number;
  /** Stalls and long tasks from the page's own first frame after load until the marks settled (not the page's loading). */
  afterReady?: Window;
  /** Jumps of the scroll position after the marks settled: per jump, ms until a mark was in the viewport (null: none within the cap). */
  viewMs?: (number | null)[];
  /** Stalls and long tasks during those jumps. */
  jumps?: Window;
  /** Infinite scroll: most paragraphs appended but not yet marked, over the once-a-second samples. */
  maxBacklog?: number;
  /** Infinite scroll: from the last paragraph appended to all of them marked (ms); null: not within the cap. */
  catchUpMs?: number | null;
}

const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const RUNS = Number(argValue('--runs') ?? 3);
const BEFORE = argValue('--before');
const ENGINES = (argValue('--engines') ?? 'chromium,firefox').split(',') as Engine[];
const ONLY = argValue('--only')?.split(',');
/** A page that has not settled by then is reported as such (before the fix, some froze for minutes). */
const CAP_MS = Number(argValue('--cap') ?? 60_000);
const SCROLL_SECONDS = Number(argValue('--scroll-seconds') ?? 30);
/** The older build is slow by design (it is what froze pages): measure it in the first N runs only. */
const BEFORE_RUNS = Number(argValue('--before-runs') ?? RUNS);

type Evaluate = <T>(script: string) => Promise<T>;
const evaluator =
  (page: TestPage): Evaluate =>
  <T>(script: string) =>
    (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

class Frozen extends Error {}

/** evaluate, or Frozen when the page does not answer within ms (its main thread is blocked). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Frozen('no answer')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STATE = '({ ...window.__shape, now: performance.now() })';

/** Waits until the mark count has not changed for quietMs (and at least minMs passed), or the cap. */
async function settle(
  ev: Evaluate,
  started: number,
  quietMs: number,
  minMs: number,
  withMarks: boolean,
): Promise<{ state: ProbeState; timedOut: boolean }> {
  let state: ProbeState | undefined;
  for (;;) {
    const left = CAP_MS - (Date.now() - started);
    if (left <= 0) break;
    try {
      state = await within(ev<ProbeState>(STATE), Math.min(left, 15_000));
    } catch (err) {
      if (err instanceof Frozen) continue;
      throw err;
    }
    const idle = state.now - Math.max(state.markAt, 0);
    // With the extension: marks present and unchanged for quietMs. Without: minMs, then done.
    if (Date.now() - started >= minMs && (withMarks ? state.marks > 0 && idle >= quietMs : true)) {
      return { state, timedOut: false };
    }
    await sleep(250);
  }
  return { state: state ?? (await within(ev<ProbeState>(STATE), 5000).catch(() => emptyState())), timedOut: true };
}

const emptyState = (): ProbeState => ({
  long: [],
  gaps: [],
  marks: 0,
  markAt: 0,
  firstMarkAt: 0,
  frames: 0,
  longtaskApi: false,
  now: 0,
  readyAt: 0,
});

function summarize(state: ProbeState, from: number, to: number): Window {
  const inWindow = ([start, duration]: [number, number]) => start + duration > from && start < to;
  const gaps = state.gaps.filter(inWindow);
  const long = state.long.filter(inWindow);
  return {
    maxGapMs: Math.max(0, ...gaps.map((g) => g[1])),
    gapsOver50: gaps.length,
    maxLongTaskMs: state.longtaskApi ? Math.max(0, ...long.map((t) => t[1])) : null,
    longTasks: state.longtaskApi ? long.length : null,
  };
}

interface Browser {
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

async function openBrowser(engine: Engine, variant: Variant): Promise<Browser> {
  if (variant === 'none') return launchPlain(engine);
  const dir =
    variant === 'before'
      ? join(resolve(BEFORE!), engine === 'chromium' ? 'chrome' : 'firefox')
      : engine === 'chromium'
        ? DIST_CHROME
        : DIST_FIREFOX;
  // The test probe (an extension of its own) reads whether a card is open; it does nothing else.
  const session = engine === 'chromium' ? await launchChromium({ extensionDir: dir }) : await launchFirefox({ extensionDir: dir });
  // A fresh install opens the welcome page in front: in Firefox the shape page would load as a hidden
  // tab (frames ticked after 1, 2, 4, 8 s; runs before 2026-12-07 14:30 UTC). Each run records its visibility.
  await closeWelcomeTab(session);
  return session;
}

/** Loads a shape page and measures it until its marks settle; card shapes then open and close a card. */
async function measure(
  browser: Browser,
  server: StaticServer,
  shape: ShapePage,
  card: boolean,
  variant: Variant,
): Promise<Omit<ShapeRun, 'shape' | 'engine' | 'variant' | 'run'>> {
  const page = await browser.newPage();
  const ev = evaluator(page);
  const started = Date.now();
  try {
    const url = server.url(`/bench/shapes/${shape.file}${shape.name === 'infinite' ? `?seconds=${SCROLL_SECONDS}` : ''}`);
    await within(
      page.goto(url, { waitUntil: 'domcontentloaded' }).catch(() => undefined),
      CAP_MS,
    ).catch(() => undefined);
    if (shape.name === 'infinite') return await measureScroll(ev, started);
    const { state, timedOut } = await settle(ev, started, 5000, variant === 'none' ? 10_000 : 3000, variant !== 'none');
    const loadFigures = {
      ...summarize(state, 0, state.now),
      marks: state.marks,
      lastMarkMs: state.marks > 0 ? Math.round(state.markAt) : null,
      firstMarkMs: state.firstMarkAt > 0 ? Math.round(state.firstMarkAt) : null,
      timedOut,
      visibility: await within(ev<string>('document.visibilityState'), 15_000).catch(() => 'no answer'),
      afterReady: state.readyAt > 0 ? summarize(state, state.readyAt, state.now) : undefined,
    };
    if (!card && !timedOut && JUMPS.length > 0) return { ...loadFigures, ...(await jumpAround(ev, variant !== 'none')) };
    if (!card || timedOut) return loadFigures;
    return { ...loadFigures, ...(await openAndCloseCard(page, ev, variant)) };
  } catch (err) {
    if (err instanceof Frozen) return { ...summarize(emptyState(), 0, 0), marks: 0, lastMarkMs: null, timedOut: true };
    throw err;
  } finally {
    await within(page.close(), 20_000).catch(() => undefined);
  }
}

/** Where the scroll position jumps to, as fractions of the page's scroll height (--jumps 0). */
const JUMPS = Number(argValue('--jumps') ?? 5) > 0 ? [0.5, 0.15, 0.85, 0.3, 0.7].slice(0, Number(argValue('--jumps') ?? 5)) : [];
/** Wait after each jump before the next (the marks left behind are unpainted meanwhile). */
const JUMP_PAUSE_MS = 800;

/**
 * Time from a block entering the viewport to its highlights: the page jumps to a scroll position
 * (window.scrollTo, as a scrollbar drag or a "Page Down" held does), and each animation frame after
 * it looks for a registered range whose box lies in the viewport. The time is taken at the start of
 * the frame that first has one, so it may be up to a frame late, never early. Without the extension
 * the same jumps are made (for the stalls and long tasks of scrolling alone).
 */
async function jumpAround(ev: Evaluate, withMarks: boolean): Promise<Pick<ShapeRun, 'viewMs' | 'jumps'>> {
  const from = await within(ev<number>('performance.now()'), 15_000);
  const viewMs: (number | null)[] = [];
  for (const fraction of JUMPS) {
    const ms = await within(
      ev<number | null>(`(async () => {
        const t0 = performance.now();
        scrollTo(0, Math.round((document.documentElement.scrollHeight - innerHeight) * ${fraction}));
        const asked = window.__shape.seq;
        const inView = () => {
          let found = false;
          if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h) => {
            if (found) return;
            for (const r of h) {
              const b = r.getBoundingClientRect();
              if ((b.width || b.height) && b.bottom > 0 && b.top < innerHeight) { found = true; break; }
            }
          });
          // Marks drawn in Dramatis's closed root, as the test probe saw them after the jump (SHAPE_PROBE).
          window.__shape.ask();
          return found || (window.__shape.overlay.seq > asked && window.__shape.overlay.inView);
        };
        return await new Promise((resolve) => {
          const tick = () => {
            const now = performance.now();
            if (${withMarks} && inView()) return resolve(Math.round(now - t0));
            if (now - t0 > ${withMarks ? JUMP_CAP_MS : JUMP_PAUSE_MS}) return resolve(null);
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
      })()`),
      60_000,
    ).catch(() => null);
    viewMs.push(ms);
    await sleep(JUMP_PAUSE_MS);
  }
  const state = await within(ev<ProbeState>(STATE), 60_000);
  return { viewMs: withMarks ? viewMs : undefined, jumps: summarize(state, from, state.now) };
}

/**
 * Opens the card of a mark in the viewport by hovering it, then closes it with Escape and measures
 * the next 4 seconds: stalls, long tasks and how many marks were replaced (a re-detection replaces
 * every Range of the blocks it reads). Without the extension, the same pointer moves and key press.
 */
async function openAndCloseCard(page: TestPage, ev: Evaluate, variant: Variant): Promise<Partial<ShapeRun>> {
  const target = await ev<{ x: number; y: number } | null>(`(() => {
    window.__before = new WeakSet();
    let found = null;
    if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h) => h.forEach((r) => {
      window.__before.add(r);
      const rect = r.getClientRects()[0];
      if (!found && rect && rect.y > 40 && rect.y < innerHeight - 40) found = { x: rect.x + Math.min(4, rect.width / 2), y: rect.y + rect.height / 2 };
    }));
    return found || { x: 200, y: 200 };
  })()`);
  await page.mouse.move(target!.x - 30, target!.y + 60);
  await page.mouse.move(target!.x, target!.y);
  if (variant !== 'none') {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(await ask<CardInfo>(page, 'card').catch(() => ({ open: false }))).open) await sleep(150);
  } else await sleep(1500);
  const closedAt = await ev<number>('performance.now()');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await sleep(4000);
  const state = await within(ev<ProbeState>(STATE), 60_000);
  const replaced = await within(
    ev<number>(`(() => {
      let n = 0;
      if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h) => h.forEach((r) => { if (!window.__before.has(r)) n++; }));
      return n;
    })()`),
    60_000,
  );
  const after = summarize(state, closedAt, state.now);
  return {
    maxGapMs: after.maxGapMs,
    gapsOver50: after.gapsOver50,
    maxLongTaskMs: after.maxLongTaskMs,
    longTasks: after.longTasks,
    marks: state.marks,
    replacedAfterClose: replaced,
  };
}

interface GrowState {
  appended: number;
  endAt: number;
  done: boolean;
  samples: [number, number, number][];
}

/** Infinite scroll: stalls while it grows, the largest backlog, and the catch-up after it stops. */
async function measureScroll(ev: Evaluate, started: number): Promise<Omit<ShapeRun, 'shape' | 'engine' | 'variant' | 'run'>> {
  let grow: GrowState | undefined;
  let state: ProbeState | undefined;
  let caughtUpAt: number | undefined;
  const deadline = started + SCROLL_SECONDS * 1000 + CAP_MS;
  while (Date.now() < deadline) {
    try {
      [grow, state] = await within(Promise.all([ev<GrowState>('window.__grow'), ev<ProbeState>(STATE)]), 15_000);
    } catch (err) {
      if (err instanceof Frozen) continue;
      throw err;
    }
    if (grow.done && state.marks >= grow.appended) {
      caughtUpAt = state.markAt;
      break;
    }
    // Without the extension nothing is ever marked: stop once the page stopped growing.
    if (grow.done && state.marks === 0 && state.now - grow.endAt > 3000) break;
    await sleep(200);
  }
  if (!grow || !state) return { ...summarize(emptyState(), 0, 0), marks: 0, lastMarkMs: null, timedOut: true };
  const backlog = grow.samples.map(([, appended, marks]) => appended - marks);
  return {
    ...summarize(state, 0, state.now),
    marks: state.marks,
    lastMarkMs: state.marks > 0 ? Math.round(state.markAt) : null,
    timedOut: caughtUpAt === undefined && state.marks > 0,
    maxBacklog: state.marks > 0 ? Math.max(0, ...backlog) : undefined,
    catchUpMs: state.marks > 0 ? (caughtUpAt !== undefined ? Math.max(0, Math.round(caughtUpAt - grow.endAt)) : null) : undefined,
  };
}

/** "median (min-max, n runs)" */
function spread(values: (number | null | undefined)[], unit = ''): string {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return '-';
  if (v.length === 1) return `${Math.round(v[0]!)}${unit} (1 run)`;
  return `${Math.round(median(v))}${unit} (${Math.round(Math.min(...v))}-${Math.round(Math.max(...v))}, ${v.length} runs)`;
}

const VARIANT_LABEL: Record<Variant, string> = { dramatis: 'with Dramatis', before: 'before the fix', none: 'without' };

interface RunMeta {
  when: string;
  loadStart: number[];
  loadEnd: number[];
  browser: string;
  runs: number;
  beforeRuns: number;
  cap: number;
}

function table(runs: ShapeRun[], shapes: ShapePage[], engine: Engine, cap: number): string[] {
  const lines: string[] = [];
  const chromium = engine === 'chromium';
  lines.push(
    `| shape | variant | longest stall (ms) | stalls > 50 ms |${chromium ? ' longest long task (ms) | long tasks |' : ''} marks | last mark (ms) | other |`,
    `|---|---|---:|---:|${chromium ? '---:|---:|' : ''}---:|---:|---|`,
  );
  for (const shape of [...shapes.map((s) => s.name), ...shapes.filter((s) => CARD_SHAPES.has(s.name)).map((s) => `${s.name} card close`)]) {
    for (const variant of ['before', 'dramatis', 'none'] as Variant[]) {
      const rs = runs.filter((r) => r.engine === engine && r.shape === shape && r.variant === variant);
      if (rs.length === 0) continue;
      const timeouts = rs.filter((r) => r.timedOut).length;
      const other: string[] = [];
      if (timeouts > 0) other.push(`${timeouts} of ${rs.length} not settled within ${cap / 1000} s`);
      const hidden = rs.filter((r) => r.visibility !== undefined && r.visibility !== 'visible').length;
      if (hidden > 0) other.push(`${hidden} of ${rs.length} in a hidden tab`);
      if (variant !== 'none' && rs.some((r) => typeof r.firstMarkMs === 'number') && !shape.endsWith('card close'))
        other.push(
          `first mark ${spread(
            rs.map((r) => r.firstMarkMs),
            ' ms',
          )}`,
        );
      const ready = rs.flatMap((r) => (r.afterReady ? [r.afterReady] : []));
      if (ready.length > 0)
        other.push(
          `after the page's first frame: ${chromium ? `long tasks ${spread(ready.map((w) => w.longTasks))}, longest ${spread(ready.map((w) => w.maxLongTaskMs))} ms; ` : ''}stalls ${spread(ready.map((w) => w.gapsOver50))}, longest ${spread(ready.map((w) => w.maxGapMs))} ms`,
        );
      const views = rs.flatMap((r) => r.viewMs ?? []);
      if (views.length > 0) {
        const missed = views.filter((v) => v === null).length;
        other.push(
          `enters view to marks: ${spread(views, ' ms').replace('runs', 'jumps')}${missed ? ` (${missed} of ${views.length} none within ${JUMP_CAP_MS / 1000} s)` : ''}`,
        );
      }
      const jumps = rs.flatMap((r) => (r.jumps ? [r.jumps] : []));
      if (jumps.length > 0)
        other.push(
          `during ${JUMPS.length} jumps: ${chromium ? `long tasks ${spread(jumps.map((w) => w.longTasks))}, longest ${spread(jumps.map((w) => w.maxLongTaskMs))} ms; ` : ''}stalls ${spread(jumps.map((w) => w.gapsOver50))}, longest ${spread(jumps.map((w) => w.maxGapMs))} ms`,
        );
      if (rs.some((r) => r.replacedAfterClose !== undefined))
        other.push(`marks replaced after close: ${spread(rs.map((r) => r.replacedAfterClose))}`);
      if (rs.some((r) => r.maxBacklog !== undefined)) {
        other.push(`largest backlog: ${spread(rs.map((r) => r.maxBacklog))} paragraphs`);
        const never = rs.filter((r) => r.catchUpMs === null).length;
        other.push(
          `caught up ${spread(
            rs.map((r) => r.catchUpMs),
            ' ms',
          )} after growth stopped${never ? ` (${never} never within ${cap / 1000} s)` : ''}`,
        );
      }
      lines.push(
        `| ${shape} | ${VARIANT_LABEL[variant]} | ${spread(rs.map((r) => r.maxGapMs))} | ${spread(rs.map((r) => r.gapsOver50))} |${
          chromium ? ` ${spread(rs.map((r) => r.maxLongTaskMs))} | ${spread(rs.map((r) => r.longTasks))} |` : ''
        } ${variant === 'none' ? '' : spread(rs.map((r) => r.marks))} | ${variant === 'none' ? '' : spread(rs.map((r) => r.lastMarkMs))} | ${other.join('; ')} |`,
      );
    }
  }
  return lines;
}

function browserVersion(path: string | undefined): string {
  if (!path) return 'not installed';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return path;
  }
}

export async function benchShapes(): Promise<void> {
  const dir = join(BENCH_DIR, 'shapes');
  mkdirSync(dir, { recursive: true });
  const shapes = allShapePages().filter((s) => !ONLY || ONLY.includes(s.name));
  for (const s of shapes) writeFileSync(join(dir, s.file), s.html);
  // --report-from LOG,...: no measuring; the runs are the JSON lines a run printed (an interrupted
  // run's figures are not lost).
  const fromLogs = argValue('--report-from')?.split(',');
  const runs: ShapeRun[] = fromLogs
    ? fromLogs.flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('{"shape"'))
          .map((l) => JSON.parse(l) as ShapeRun),
      )
    : [];
  const server = await startServer();
  const variants =
    (argValue('--variants')?.split(',') as Variant[] | undefined) ?? (BEFORE ? ['before', 'dramatis', 'none'] : ['dramatis', 'none']);
  const loadStart = loadavg();
  try {
    for (const engine of fromLogs ? [] : ENGINES) {
      for (const shape of shapes) {
        for (let run = 0; run < RUNS; run++) {
          // Variants alternate run by run, each in a fresh browser (a frozen page must not spill over).
          for (const variant of variants.filter((v) => v !== 'before' || run < BEFORE_RUNS)) {
            const browser = await openBrowser(engine, variant);
            try {
              const r = await measure(browser, server, shape, false, variant);
              runs.push({ shape: shape.name, engine, variant, run, ...r });
              console.log(JSON.stringify(runs.at(-1)));
              if (CARD_SHAPES.has(shape.name)) {
                const c = await measure(browser, server, shape, true, variant);
                runs.push({ shape: `${shape.name} card close`, engine, variant, run, ...c });
                console.log(JSON.stringify(runs.at(-1)));
              }
            } finally {
              await within(browser.close(), 30_000).catch(() => undefined);
            }
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  // One file per engine, so Chromium and Firefox may run as two processes; the section shows both.
  const meta: RunMeta = {
    when:
      new Date().toISOString().slice(0, 16).replace('T', ' ') +
      (fromLogs ? ' (figures from the run logs; load average at report time)' : ''),
    loadStart,
    loadEnd: loadavg(),
    browser: ENGINES.map((e) => browserVersion(e === 'chromium' ? chromiumPath() : firefoxPath())).join('; '),
    runs: RUNS,
    beforeRuns: BEFORE ? BEFORE_RUNS : 0,
    cap: CAP_MS,
  };
  for (const engine of ENGINES) {
    const file = join(BENCH_DIR, `shapes-${engine}.json`);
    // Re-reported from the logs of the run that wrote this file: that run's time and load stand.
    const earlier = fromLogs && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { meta?: RunMeta }).meta : undefined;
    writeFileSync(
      file,
      JSON.stringify({ meta: earlier ?? meta, shapes: shapes.map((s) => s.name), runs: runs.filter((r) => r.engine === engine) }, null, 1),
    );
  }
  const results = (['chromium', 'firefox'] as Engine[]).flatMap((engine) => {
    const f = join(BENCH_DIR, `shapes-${engine}.json`);
    return existsSync(f)
      ? [{ engine, ...(JSON.parse(readFileSync(f, 'utf8')) as { meta: RunMeta; shapes: string[]; runs: ShapeRun[] }) }]
      : [];
  });
  const pages = allShapePages();
  const section = [
    '<!-- shapes -->',
    '## Hostile page shapes (Chromium and Firefox, built extension)',
    '',
    'Written by `npm run bench -- --shapes` (scripts/bench/shapes.ts, pages from scripts/bench/shape-pages.ts; the raw runs in out/bench/shapes-*.json).',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, shared with other work and noisy: the load average is given per browser below, and docs/PERFORMANCE.md's notes say what else ran.`,
    '',
    'Each cell is the median (min-max) of the runs; the variants alternate run by run in one run of the bench, each load in a fresh browser.',
    'A stall is a gap between animation frames over 50 ms, measured in the page (a requestAnimationFrame probe; the only measure in Firefox, which has no Long Tasks API);',
    'long tasks are those Chromium reports through PerformanceObserver("longtask"). Both are counted from navigation start until the marks settle (no change for 5 s),',
    'so they include the page\'s own parsing and layout: the row "without" is the same page in the same browser without Dramatis. "card close" rows count from the Escape',
    'that closes a card (opened by hovering a mark) to 4 s later, and "marks replaced" counts ranges in the registry that were not there before the close (a re-detection replaces them all).',
    'Marks are the ranges in CSS.highlights (on pages over 8,000 elements and in huge blocks only those near the viewport are registered); "last mark" is navigation start to the last change of their count.',
    ...(results.some((r) => r.runs.some((x) => x.variant === 'before'))
      ? [
          `"before the fix" is the build of the branch point (${argValue('--before-name') ?? 'c67b3e2'}), measured in the first run(s) only.`,
        ]
      : []),
    '"after the page\'s first frame" counts from two animation frames after the load event (the page\'s own parsing and first layout are done) until the marks settled;',
    `"enters view to marks" is, for each of ${JUMPS.length} jumps of the scroll position after the marks settled (to ${JUMPS.map((f) => `${Math.round(f * 100)}%`).join(', ')} of the page), the time until a registered range lies in the viewport, looked for once per animation frame; "during N jumps" counts stalls and long tasks over those jumps (also made without the extension).`,
    '',
    ...results.flatMap(({ engine, meta, shapes: names, runs: engineRuns }) => [
      `### ${engine === 'chromium' ? 'Chromium' : 'Firefox'}`,
      '',
      `${meta.when} UTC, ${meta.browser}; ${meta.runs} run(s)${meta.beforeRuns ? `, the build before the fix in ${meta.beforeRuns}` : ''}; load average ${meta.loadStart.map((l) => l.toFixed(1)).join(', ')} at the start, ${meta.loadEnd.map((l) => l.toFixed(1)).join(', ')} at the end (1, 5, 15 min, on 2 cores).`,
      '',
      ...table(
        engineRuns,
        pages.filter((p) => names.includes(p.name)),
        engine,
        meta.cap,
      ),
      '',
      `Targets (${engine === 'chromium' ? 'Chromium' : 'Firefox'}): marks present in every run, no task over 50 ms added by Dramatis (against the same page without it, by the median of the runs), and a block scrolled into view marked within 100 ms.`,
      '',
      ...verdicts(
        engineRuns,
        pages.filter((p) => names.includes(p.name)),
        engine,
      ),
      '',
    ]),
    '<!-- /shapes -->',
  ];
  const file = join(DOCS_DIR, 'PERFORMANCE.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = existing.indexOf('<!-- shapes -->');
  const end = existing.indexOf('<!-- /shapes -->');
  const text =
    start !== -1 && end !== -1
      ? existing.slice(0, start) + section.join('\n') + existing.slice(end + '<!-- /shapes -->'.length)
      : existing.includes('<!-- notes -->')
        ? existing.replace('<!-- notes -->', `${section.join('\n')}\n\n<!-- notes -->`)
        : `${existing}\n${section.join('\n')}\n`;
  writeFileSync(file, text);
  console.log(section.join('\n'));
}
