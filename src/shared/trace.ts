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
