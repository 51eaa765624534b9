/**
 * Matcher throughput in Node, in MB/s of text, against two baselines measured in the same run:
 * one big alternation RegExp over all names, and the modern-ahocorasick package. Each runs for a
 * fixed time budget over the same blocks; the best of three rounds counts. scripts/bench.ts runs it
 * bundled by esbuild, as the extension ships its code (see throughput-child.ts).
 */
import AhoCorasick from 'modern-ahocorasick';
import type { BinaryIndex } from '../../src/core/index/binary';
import { Matcher } from '../../src/core/match/matcher';

export interface ThroughputRow {
  dataset: string;
  names: number;
  forms: number;
  method: string;
  mbPerSecond: number;
  matches: number;
  /** Every round's MB/s, in order (measure's three rounds), so the figure's spread shows. */
  rounds?: number[];
  note?: string;
}

const ROUND_MS = 1500;

/** Runs fn over the blocks repeatedly for ROUND_MS, three rounds; returns the best MB/s and every round's. */
function measure(blocks: string[], fn: (block: string) => number): { mbPerSecond: number; matches: number; rounds: number[] } {
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  let best = 0;
  let matches = 0;
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    let done = 0;
    let found = 0;
    while (performance.now() - start < ROUND_MS) {
      for (const b of blocks) found += fn(b);
      done += chars;
    }
    const mbps = done / 1e6 / ((performance.now() - start) / 1000);
    rounds.push(mbps);
    if (mbps > best) {
      best = mbps;
      matches = Math.round((found * chars) / done);
    }
  }
  return { mbPerSecond: best, matches, rounds };
}

/** Like measure, for baselines too slow to finish a pass: stops after the budget, mid-corpus. */
function measureCapped(
  blocks: string[],
  fn: (block: string) => number,
  budgetMs: number,
): { mbPerSecond: number; matches: number; complete: boolean } {
  const start = performance.now();
  let done = 0;
  let found = 0;
  for (const b of blocks) {
    found += fn(b);
    done += b.length;
    if (performance.now() - start > budgetMs) break;
  }
  const total = blocks.reduce((n, b) => n + b.length, 0);
  return { mbPerSecond: done / 1e6 / ((performance.now() - start) / 1000), matches: found, complete: done === total };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The three methods over the same blocks: the index as shipped (read in place), and its form keys for the baselines. */
export function benchThroughput(dataset: string, index: BinaryIndex, keys: readonly string[], blocks: string[]): ThroughputRow[] {
  const names = index.entityCount;
  const rows: ThroughputRow[] = [];

  const matcher = new Matcher(index);
  const ours = measure(blocks, (b) => matcher.candidates(b).length);
  rows.push({ dataset, names, forms: keys.length, method: 'Dramatis matcher (fold + tokens + hash probes)', ...ours });

  // Baseline 1: one alternation of every form, longest first, case-insensitive, on word boundaries.
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  const buildStart = performance.now();
  const re = new RegExp(`\\b(?:${sorted.map(escape).join('|')})\\b`, 'gi');
  const buildMs = performance.now() - buildStart;
  const regex = measureCapped(
    blocks,
    (b) => {
      let n = 0;
      re.lastIndex = 0;
      while (re.exec(b)) n++;
      return n;
    },
    20_000,
  );
  rows.push({
    dataset,
    names,
    forms: keys.length,
    method: 'one alternation RegExp (gi, \\b)',
    mbPerSecond: regex.mbPerSecond,
    matches: regex.matches,
    note: `${regex.complete ? '' : 'stopped after 20 s budget; '}compiled in ${Math.round(buildMs)} ms`,
  });

  // Baseline 2: Aho-Corasick automaton over the same keys, on lower-cased text (lowering is timed).
  const acStart = performance.now();
  const ac = new AhoCorasick([...keys]);
  const acBuildMs = performance.now() - acStart;
  const acResult = measure(blocks, (b) => ac.search(b.toLowerCase(), { strategy: 'leftmost-longest' }).length);
  rows.push({
    dataset,
    names,
    forms: keys.length,
    method: 'modern-ahocorasick (leftmost-longest)',
    ...acResult,
    note: `built in ${Math.round(acBuildMs)} ms; no word boundaries or diacritic folding`,
  });
  return rows;
}
