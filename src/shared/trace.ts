/**
 * Timestamps of a cold start, for the bench's breakdown of the time from a page's DOMContentLoaded to
 * its first highlight (scripts/bench/cold-trace.ts). Only a traced build (scripts/build.ts --trace,
 * into out/bench/chrome-trace) defines __DRAMATIS_TRACE__ as true; the shipped build defines it false,
 * so esbuild drops every body below and nothing is recorded or shown to the page.
 */
declare const __DRAMATIS_TRACE__: boolean | undefined;

const tracing = typeof __DRAMATIS_TRACE__ !== 'undefined' && __DRAMATIS_TRACE__;

/** Where the worker keeps its marks: the bench reads them with an evaluate in the service worker. */
interface TraceGlobal {
  __dramatisTrace?: [label: string, epochMs: number][];
}

/**
 * Notes a moment in the background (epoch milliseconds, comparable with the page's and the content
 * script's: performance.timeOrigin + now()). Cost in the shipped build: an empty call.
 */
export function traceWorker(label: string): void {
  if (!tracing) return;
  const g = globalThis as TraceGlobal;
  (g.__dramatisTrace ??= []).push([label, performance.timeOrigin + performance.now()]);
}

/**
 * Notes a moment in the content script as a User Timing mark ("dramatis <label>"), which the page's
 * own performance timeline shows to the bench (traced builds only: the shipped build marks nothing).
 */
export function traceContent(label: string): void {
  if (!tracing) return;
  performance.mark(`dramatis ${label}`);
}

/**
 * A span of the content script's own work, from `start` (performance.now()) to now, as a User
 * Timing measure ("dramatis <label>"): the shapes trace (scripts/bench/shapes-trace.ts) lays them
 * beside the page's stalls to tell which of our work a stall holds. Traced builds only.
 */
export function traceSpan(label: string, start: number): void {
  if (!tracing) return;
  performance.measure(`dramatis ${label}`, { start, end: performance.now() });
}

/** performance.now() in traced builds, 0 otherwise (so the shipped build reads no clock for spans). */
export function traceStart(): number {
  return tracing ? performance.now() : 0;
}
