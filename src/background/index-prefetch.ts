/**
 * The bundled index (data/index.bin.gz), asked for the moment the background script starts:
 * main.ts imports this module first, so the read, the longest step of a cold start, runs while the
 * rest of the script is still being evaluated and before the first message arrives, instead of
 * after both (about 70-90 ms of script evaluation on the bench machine; docs/PERFORMANCE.md). A wake
 * for anything else (an alarm, the popup) reads the file too, which the first detection or card
 * would have done anyway; the reader is handed over once and then held only by the detector.
 */
import { INDEX_FILE } from '../core/index/binary-layout';
import { readIndexStream, type IndexStream } from '../core/index/stream';
import { traceWorker } from '../shared/trace';

function readIndex(): IndexStream {
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
  // A failed early read is not an unhandled rejection: whoever takes it sees the failure and reads again.
  index.records.catch(() => undefined);
  index.complete.catch(() => undefined);
  return index;
}

let started: IndexStream | undefined = readIndex();

/** The index as it streams in: the read started at script start (first call), else a fresh read (after a failure or a reload). */
export function takeIndex(): IndexStream {
  const index = started ?? readIndex();
  started = undefined;
  return index;
}
