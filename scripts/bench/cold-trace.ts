/**
 * Where a cold start's time goes: loads the real post in Chromium with the traced build
 * (scripts/build.ts --trace, out/bench/trace/chrome; or another traced build given as an argument),
 * its service worker stopped first, and lines up on one clock (epoch milliseconds) the page's
 * DOMContentLoaded and first highlight, the content script's marks and the worker's own marks
 * (src/shared/trace.ts). Prints each run and the median per step.
 *   npx tsx scripts/bench/cold-trace.ts [runs=5] [traced extension dir]
 */
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { launchChromium } from '../../tools/browser/launch';
import { startServer } from '../../tools/browser/server';
import { openWithColdWorker } from './browser';
import { BENCH_DIR, hasSharedPages, REAL_POST } from '../../tools/paths';

/** Page side: DOMContentLoaded and the first highlight, as epoch ms (the bench's own probe, on one clock). */
const PROBE = `(() => {
  const w = window;
  w.__cold = { dcl: 0, first: 0 };
  document.addEventListener('DOMContentLoaded', () => {
    w.__cold.dcl = performance.timeOrigin + performance.now();
    const tick = () => {
      let n = 0;
      if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h) => { n += h.size; });
      if (n > 0) { w.__cold.first = performance.timeOrigin + performance.now(); return; }
      requestAnimationFrame(tick);
    };
    tick();
  });
})()`;

export interface ColdTrace {
  /** Label and epoch ms, sorted by time: page, content script ("dramatis ...") and worker marks. */
  marks: [string, number][];
  dcl: number;
  first: number;
}

/** One cold load of `url` with the traced extension in `extensionDir`. */
export async function coldTrace(url: string, extensionDir: string): Promise<ColdTrace> {
  const session = await launchChromium({ probe: false, extensionDir });
  try {
    const page = await openWithColdWorker(session, url, PROBE);
    await page.waitForFunction('window.__cold && window.__cold.first > 0', undefined, { timeout: 30_000 });
    // Playwright keeps one Worker per registration across a stop and restart: evaluate reaches the woken one.
    const worker = session.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
    if (!worker) throw new Error('no background service worker after the page loaded');
    const page_ = (await page.evaluate(`({
      cold: window.__cold,
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('dramatis ')).map((m) => [m.name.slice(9), performance.timeOrigin + m.startTime]),
    })`)) as { cold: { dcl: number; first: number }; marks: [string, number][] };
    const workerMarks = (await worker.evaluate('[["worker started", performance.timeOrigin], ...(globalThis.__dramatisTrace ?? [])]')) as [
      string,
      number,
    ][];
    const marks: [string, number][] = [
      ['page DOMContentLoaded', page_.cold.dcl],
      ['page first highlight seen', page_.cold.first],
      ...page_.marks.map(([l, t]): [string, number] => [`content: ${l}`, t]),
      ...workerMarks.map(([l, t]): [string, number] => [`worker: ${l}`, t]),
    ];
    marks.sort((a, b) => a[1] - b[1]);
    return { marks, dcl: page_.cold.dcl, first: page_.cold.first };
  } finally {
    await session.close();
  }
}

interface Row {
  label: string;
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Per mark, the median (min-max) of its time from DOMContentLoaded over the runs, in time order. */
export function summarize(traces: readonly ColdTrace[]): Row[] {
  const byLabel = new Map<string, number[]>();
  for (const t of traces) {
    const seen = new Set<string>();
    for (const [label, at] of t.marks) {
      if (seen.has(label)) continue; // the first occurrence of each mark
      seen.add(label);
      byLabel.set(label, [...(byLabel.get(label) ?? []), at - t.dcl]);
    }
  }
  const rows = [...byLabel].map(([label, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { label, median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, n: ms.length };
  });
  return rows.sort((a, b) => a.median - b.median);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const dirs = process.argv.length > 3 ? process.argv.slice(3) : [join(BENCH_DIR, 'trace', 'chrome')];
  const server = await startServer();
  const url = hasSharedPages() ? server.url(`/shared/${REAL_POST}`) : server.url('/demo/defectors-1937.html');
  console.log(
    `load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
  const traces = new Map<string, ColdTrace[]>(dirs.map((d) => [d, []]));
  try {
    // The builds alternate run by run, so each meets the same machine load.
    for (let r = 0; r < runs; r++) {
      for (const dir of dirs) {
        const t = await coldTrace(url, dir);
        traces.get(dir)!.push(t);
        console.log(`\nrun ${r + 1}, ${dir}: first highlight ${(t.first - t.dcl).toFixed(0)} ms after DOMContentLoaded`);
        for (const [label, at] of t.marks) console.log(`  ${(at - t.dcl).toFixed(1).padStart(8)} ms  ${label}`);
      }
    }
  } finally {
    await server.close();
  }
  console.log(
    `\nload average at end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
  for (const dir of dirs) {
    console.log(`\n${dir}: median (min-max) ms from DOMContentLoaded, first occurrence of each mark:`);
    for (const r of summarize(traces.get(dir)!))
      console.log(`  ${r.median.toFixed(1).padStart(8)} (${r.min.toFixed(0)}..${r.max.toFixed(0)}, ${r.n} runs)  ${r.label}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
