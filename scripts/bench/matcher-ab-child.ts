/**
 * One round of the matcher A/B bench (scripts/bench/matcher-ab.ts) in a fresh process, bundled by
 * esbuild as the extension ships. The same file is bundled twice: here, against this checkout's
 * src/core, and copied into an extracted older tree, against that tree's src/core, so each variant
 * runs its own scan and matcher over the same index file and the same text.
 * Prints one JSON line: MB/s (per wall-clock and per CPU second) over one timed window after a warm-up pass, the candidates of one pass
 * and a checksum of all of them (offsets, tokens, key, entries), so the parent can tell whether two
 * variants found exactly the same thing.
 * Usage: node matcher-ab-child.js <index.bin> <blocks.json> <window ms>
 */
import { readFileSync } from 'node:fs';
import { BinaryIndex } from '../../src/core/index/binary';
import { Matcher } from '../../src/core/match/matcher';

export interface AbRound {
  /** Characters scanned per wall-clock second, in millions. */
  mbPerSecond: number;
  /** The same per second of this process's CPU time (user + system): less swayed by other processes taking the cores. */
  mbPerCpuSecond: number;
  candidates: number;
  checksum: number;
}

const [indexPath, blocksPath, windowArg] = process.argv.slice(2);
if (!indexPath || !blocksPath || !windowArg) throw new Error('usage: matcher-ab-child <index.bin> <blocks.json> <window ms>');
const file = readFileSync(indexPath);
const matcher = new Matcher(new BinaryIndex(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)));
const blocks = JSON.parse(readFileSync(blocksPath, 'utf8')) as string[];
const chars = blocks.reduce((n, b) => n + b.length, 0);

/** FNV-style mixing of every field of every candidate, in order. */
let checksum = 0x811c9dc5;
const mix = (v: number) => (checksum = Math.imul(checksum ^ v, 16777619));
let candidates = 0;
// The warm-up pass doubles as the record of what this variant finds.
for (const b of blocks) {
  for (const c of matcher.candidates(b)) {
    candidates++;
    mix(c.start);
    mix(c.end);
    mix(c.firstToken);
    mix(c.endToken);
    for (let i = 0; i < c.key.length; i++) mix(c.key.charCodeAt(i));
    for (const e of c.entries) mix(e);
  }
  mix(-1);
}

const windowMs = Number(windowArg);
const start = performance.now();
const cpuStart = process.cpuUsage();
let done = 0;
let sink = 0;
while (performance.now() - start < windowMs) {
  for (const b of blocks) sink += matcher.candidates(b).length;
  done += chars;
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
if (sink < 0) console.error('unreachable');
const round: AbRound = { mbPerSecond: done / 1e6 / seconds, mbPerCpuSecond: done / 1e6 / cpuSeconds, candidates, checksum: checksum >>> 0 };
console.log(JSON.stringify(round));
