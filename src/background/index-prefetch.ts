/**
 * The bundled index (data/index.bin.gz), asked for the moment the background script starts:
 * main.ts imports this module first, so the read, the longest step of a cold start, runs while the
 * rest of the script is still being evaluated and before the first message arrives, instead of
 * after both (about 70-90 ms of script evaluation on the bench machine; docs/PERFORMANCE.md). A wake
 * for anything else (an alarm, the popup) reads the file too, which the first detection or card
 * would have done anyway; the reader is handed over once and then held only by the detector.
 */
import { BinaryIndex } from '../core/index/binary';
import { INDEX_FILE } from '../core/index/binary-layout';
import { readIndexStream, type IndexStream } from '../core/index/stream';
import { traceWorker } from '../shared/trace';
import { dropCachedIndex, INDEX_ID, readCachedIndex, writeCachedIndex } from './index-cache';

/** Whoever takes the index sees a failure; the copies kept here must not count as unhandled. */
function quiet(index: IndexStream): IndexStream {
  index.records.catch(() => undefined);
  index.complete.catch(() => undefined);
  return index;
}

/**
 * The packaged file, fetched and inflated as it streams in; `keep` copies the plain bytes into
 * IndexedDB once the whole file is in (index-cache.ts), for the next wake.
 */
function readPackagedIndex(keep: boolean): IndexStream {
  traceWorker('index fetch start');
  let response: Promise<Response>;
  try {
    // Relative to the background script (chrome-extension://<id>/background.js, or Firefox's generated
    // background page), both at the package root; runtime.getURL would wait for the polyfill module.
    // Started synchronously (a microtask would run only after the whole script), and never throwing
    // here: a throw at the script's top level would keep the message listeners from registering.
    response = fetch(new URL(INDEX_FILE, globalThis.location.href));
  } catch (err) {
    response = Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  // Gzipped in the package (1.8 MB for 4.0), inflated as it streams in, and read as a stream
  // (core/index/stream.ts): a cold card's entity record is in after the file's first quarter,
  // without waiting for the rest that detection needs.
  const body = response.then((response) => {
    traceWorker('index response');
    if (!response.ok || !response.body) throw new Error(`the bundled dataset could not be read (${response.status})`);
    return response.body.pipeThrough(new DecompressionStream('gzip'));
  });
  const stream = body.then(readIndexStream);
  const index: IndexStream = {
    records: stream.then((s) => s.records).finally(() => traceWorker('index records read')),
    complete: stream.then((s) => s.complete).finally(() => traceWorker('index bytes read')),
  };
  // Not awaited by anyone: the first detection must not wait for the copy.
  if (keep && INDEX_ID !== undefined) index.complete.then((reader) => writeCachedIndex(INDEX_ID!, reader.buffer)).catch(() => undefined);
  return quiet(index);
}

/**
 * The index: this build's copy from IndexedDB when there is a good one (index-cache.ts: several times
 * faster than the package file in Chromium; all of it at once, so the records and the whole reader
 * come together), else the package file, copied for next time. The IndexedDB open request starts
 * synchronously, like the fetch, at the script's first statement.
 */
function readIndex(): IndexStream {
  if (INDEX_ID === undefined) return readPackagedIndex(false);
  traceWorker('index cache read start');
  const source = readCachedIndex(INDEX_ID).then((bytes): IndexStream => {
    if (bytes) {
      try {
        const reader = new BinaryIndex(bytes);
        traceWorker('index cache hit');
        return { records: Promise.resolve(reader), complete: Promise.resolve(reader) };
      } catch {
        void dropCachedIndex(); // a copy that does not open as an index is never read again
      }
    }
    return readPackagedIndex(true);
  });
  return quiet({ records: source.then((s) => s.records), complete: source.then((s) => s.complete) });
}

let started: IndexStream | undefined = readIndex();

/**
 * The index as it streams in: the read started at script start (first call); after that (the first
 * read failed or did not open as an index) always the package file, which also replaces the copy.
 */
export function takeIndex(): IndexStream {
  const index = started ?? readPackagedIndex(true);
  started = undefined;
  return index;
}
