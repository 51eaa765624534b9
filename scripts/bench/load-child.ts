/**
 * One cold load of a binary index in a fresh Node process, as a woken service worker does it: the
 * index file's bytes in one ArrayBuffer, `new BinaryIndex(buffer)`, a fresh Matcher, then the first
 * detection (`resolveDocument`) of the given blocks. Prints one JSON line: the times, the mentions,
 * and the memory the load and the detection hold (process.memoryUsage() after global.gc(), before
 * the file is read and after the detection: arrayBuffers and heapUsed deltas).
 * Run by scripts/bench.ts as: node --expose-gc --import tsx scripts/bench/load-child.ts <index.bin> <blocks.json>
 */
import { readFileSync } from 'node:fs';
import { BinaryIndex } from '../../src/core/index/binary';
import { Matcher } from '../../src/core/match/matcher';
import { resolveDocument } from '../../src/core/match/resolve';

export interface LoadChildResult {
  readMs: number;
  constructMs: number;
  detectMs: number;
  mentions: number;
  indexBytes: number;
  arrayBuffersDelta: number;
  heapUsedDelta: number;
  gc: boolean;
}

const [indexPath, blocksPath] = process.argv.slice(2);
if (!indexPath || !blocksPath) throw new Error('usage: load-child.ts <index.bin> <blocks.json>');
const blocks = JSON.parse(readFileSync(blocksPath, 'utf8')) as string[];
const gc = (globalThis as { gc?: () => void }).gc;
const collect = () => {
  if (gc) for (let i = 0; i < 3; i++) gc();
};

collect();
const before = process.memoryUsage();
const t0 = performance.now();
/** What fetch().arrayBuffer() hands the worker: one ArrayBuffer holding exactly the file (the read buffer is dropped). */
function readIndex(path: string): ArrayBuffer {
  const file = readFileSync(path);
  const out = new ArrayBuffer(file.byteLength);
  new Uint8Array(out).set(file);
  return out;
}
const buffer = readIndex(indexPath);
const t1 = performance.now();
const index = new BinaryIndex(buffer);
const t2 = performance.now();
const matcher = new Matcher(index);
const { mentions } = resolveDocument(blocks, matcher);
const t3 = performance.now();
collect();
const after = process.memoryUsage();

const result: LoadChildResult = {
  readMs: t1 - t0,
  constructMs: t2 - t1,
  detectMs: t3 - t2,
  mentions: mentions.length,
  indexBytes: buffer.byteLength,
  arrayBuffersDelta: after.arrayBuffers - before.arrayBuffers,
  heapUsedDelta: after.heapUsed - before.heapUsed,
  gc: gc !== undefined,
};
// Keep the index and matcher alive until after the measurement.
if (matcher.entityCount !== index.entityCount) throw new Error('unexpected entity count');

console.log(JSON.stringify(result));
