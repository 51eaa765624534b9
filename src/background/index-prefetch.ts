/**
 * The bundled index's bytes (data/index.bin), asked for the moment the background script starts:
 * main.ts imports this module first, so the read, the longest step of a cold start, runs while the
 * rest of the script is still being evaluated and before the first message arrives, instead of
 * after both (about 70-90 ms of script evaluation on the bench machine; docs/PERFORMANCE.md). A wake
 * for anything else (an alarm, the popup) reads the file too, which the first detection or card
 * would have done anyway; the bytes are handed over once and then held only by the reader.
 */
import { traceWorker } from '../shared/trace';
import { INDEX_ID, readCachedIndex, writeCachedIndex } from './index-cache';

/** The packaged file, read through fetch(); `keep` stores a copy in IndexedDB for the next wake. */
function readPackagedIndex(keep: boolean): Promise<ArrayBuffer> {
  traceWorker('index fetch start');
  let response: Promise<Response>;
  try {
    // Relative to the background script (chrome-extension://<id>/background.js, or Firefox's generated
    // background page), both at the package root; runtime.getURL would wait for the polyfill module.
    // Started synchronously (a microtask would run only after the whole script), and never throwing
    // here: a throw at the script's top level would keep the message listeners from registering.
    response = fetch(new URL('data/index.bin', globalThis.location.href));
  } catch (err) {
    response = Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  return response
    .then((response) => {
      traceWorker('index response');
      if (!response.ok) throw new Error(`the bundled dataset could not be read (${response.status})`);
      return response.arrayBuffer();
    })
    .then((bytes) => {
      // Not awaited: the first detection must not wait for the copy (index-cache.ts).
      if (keep && INDEX_ID !== undefined) void writeCachedIndex(INDEX_ID, bytes);
      return bytes;
    });
}

/**
 * The index bytes: this build's copy from IndexedDB when there is one (index-cache.ts: several times
 * faster than the package file in Chromium), else the package file, copied for next time. The
 * IndexedDB open request starts synchronously, like the fetch did, at the script's first statement.
 */
function readIndexBytes(): Promise<ArrayBuffer> {
  if (INDEX_ID === undefined) return readPackagedIndex(false);
  traceWorker('index cache read start');
  return readCachedIndex(INDEX_ID).then((cached) => {
    if (cached) {
      traceWorker('index cache hit');
      return cached;
    }
    return readPackagedIndex(true);
  });
}

let started: Promise<ArrayBuffer> | undefined = readIndexBytes();
// A failed early read is not an unhandled rejection: whoever takes it sees the failure and reads again.
started.catch(() => undefined);

/**
 * The index bytes: the read started at script start (first call); after that (the first bytes failed
 * to read or to open as an index) always the package file, which also replaces the cached copy.
 */
export function takeIndexBytes(): Promise<ArrayBuffer> {
  const bytes = started ?? readPackagedIndex(true);
  started = undefined;
  return bytes;
}
