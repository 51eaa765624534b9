/**
 * The matcher A/B bench: this checkout's scan and matcher against an older commit's (default: main),
 * in the same run, interleaved, over the throughput corpus of `npm run bench` (the real post, about
 * 2 MB of blocks) with two indexes: the real dataset and the synthetic 100,000 entities (seed 42,
 * one word in 40 replaced by one of their names). Each round of each variant is a fresh process
 * (scripts/bench/matcher-ab-child.ts, bundled by esbuild as the extension ships): one warm-up pass,
 * then one timed window. Rounds alternate which variant goes first, so a burst of load from other
 * processes falls on both alike. Prints the rounds, median and min-max of each, the ratio of the
 * medians and the median of the per-round ratios, and whether both variants found exactly the same
 * candidates (a checksum of every offset, key and entry).
 *
 *   npx tsx scripts/bench/matcher-ab.ts [--base REF] [--rounds N] [--window MS] [--reuse]
 * --reuse keeps the indexes and corpora an earlier run wrote to out/bench/matcher-ab (they depend
 * only on the dataset, the post and the seed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { encodeIndex } from '../../src/core/index/binary';
import { compileIndex } from '../../src/core/index/compile';
import { BENCH_DIR, DEMO_DIR, hasSharedPages, REAL_POST, ROOT, SHARED_PAGES } from '../../tools/paths';
import { buildIndex } from '../../tools/dataset/compile';
import { loadCommonWords, loadDataset } from '../../tools/dataset/files';
import { blocksOfHtml } from '../../tools/dataset/detect-file';
import { corpus } from './corpus';
import type { AbRound } from './matcher-ab-child';
import { keysOf, syntheticEntities } from './synthetic';

const DIR = join(BENCH_DIR, 'matcher-ab');
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
};
const baseRef = arg('--base', 'main');
const rounds = Number(arg('--rounds', '7'));
const windowMs = Number(arg('--window', '1500'));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number of at least 1, not ${arg('--rounds', '')}`);
if (!(windowMs > 0)) throw new Error(`--window must be a positive number of milliseconds, not ${arg('--window', '')}`);

/** Writes each dataset's index and corpus once; returns [label, index file, blocks file]. */
function prepareData(): [string, string, string][] {
  const labels = ['real dataset', 'synthetic 100,000 entities'];
  const files = labels.map((label, n): [string, string, string] => [label, join(DIR, `index-${n}.bin`), join(DIR, `blocks-${n}.json`)]);
  if (process.argv.includes('--reuse') && files.every(([, a, b]) => existsSync(a) && existsSync(b))) return files;
  const pageFile = hasSharedPages() ? join(SHARED_PAGES, REAL_POST) : join(DEMO_DIR, 'defectors-1937.html');
  const baseBlocks = blocksOfHtml(readFileSync(pageFile, 'utf8')).map((b) => b.text);
  const real = loadDataset().entities;
  const avoid = keysOf(real);
  const synthetic = syntheticEntities(100_000, 42, { avoid });
  const sets: [string, ArrayBuffer, string[]][] = [
    [labels[0]!, encodeIndex(buildIndex()), corpus(baseBlocks)],
    [
      labels[1]!,
      encodeIndex(compileIndex(synthetic, loadCommonWords())),
      corpus(
        baseBlocks,
        synthetic.slice(0, 5000).map((e) => e.name),
      ),
    ],
  ];
  sets.forEach(([, index, blocks], n) => {
    writeFileSync(files[n]![1], new Uint8Array(index));
    writeFileSync(files[n]![2], JSON.stringify(blocks));
  });
  return files;
}

/** Bundles the child against this checkout and against the base commit's src/core; returns both scripts. */
async function bundleVariants(): Promise<{ base: string; branch: string; baseCommit: string }> {
  const baseCommit = execFileSync('git', ['rev-parse', '--short', baseRef], { cwd: ROOT, encoding: 'utf8' }).trim();
  const tree = join(DIR, 'base-tree');
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(join(tree, 'scripts', 'bench'), { recursive: true });
  const archive = execFileSync('git', ['archive', baseCommit, 'src/core'], { cwd: ROOT, maxBuffer: 256 * 2 ** 20 });
  execFileSync('tar', ['-x', '-C', tree], { input: archive });
  cpSync(join(ROOT, 'scripts', 'bench', 'matcher-ab-child.ts'), join(tree, 'scripts', 'bench', 'matcher-ab-child.ts'));
  const bundle = (workingDir: string, name: string) =>
    esbuild.build({
      absWorkingDir: workingDir,
      entryPoints: { [name]: 'scripts/bench/matcher-ab-child.ts' },
      outdir: DIR,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      nodePaths: [join(ROOT, 'node_modules')],
      logLevel: 'warning',
    });
  await bundle(tree, 'child-base');
  await bundle(ROOT, 'child-branch');
  return { base: join(DIR, 'child-base.js'), branch: join(DIR, 'child-branch.js'), baseCommit };
}

function runChild(script: string, indexFile: string, blocksFile: string): AbRound | null {
  const r = spawnSync(process.execPath, [script, indexFile, blocksFile, String(windowMs)], { encoding: 'utf8', timeout: 300_000 });
  const last = r.stdout?.trim().split('\n').pop();
  if (r.status === 0 && last) return JSON.parse(last) as AbRound;
  console.error(`child ${script} failed: ${r.stderr ?? r.error}`);
  return null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const load0 = loadavg();
  console.log(`preparing the indexes and corpora in ${DIR}`);
  const sets = prepareData();
  const { base, branch, baseCommit } = await bundleVariants();
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', 'src/core'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  const branchLabel = `this checkout (${head}${dirty ? ' + uncommitted changes' : ''})`;
  const results = sets.map(() => ({ base: [] as AbRound[], branch: [] as AbRound[] }));
  for (let r = 0; r < rounds; r++) {
    sets.forEach(([label, indexFile, blocksFile], s) => {
      const order: ('base' | 'branch')[] = (r + s) % 2 === 0 ? ['base', 'branch'] : ['branch', 'base'];
      for (const v of order) {
        const round = runChild(v === 'base' ? base : branch, indexFile, blocksFile);
        if (round) results[s]![v].push(round);
        console.log(`  round ${r + 1}, ${label}, ${v}: ${round ? `${f1(round.mbPerSecond)} MB/s` : 'failed'}`);
      }
    });
  }
  const load1 = loadavg();
  const lines = [
    `Matcher A/B: base ${baseRef} (${baseCommit}) against ${branchLabel}; ${rounds} rounds each, one fresh process per round, ${windowMs} ms timed window after a warm-up pass, order alternated.`,
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; load average ${load0.map(f1).join(', ')} at the start, ${load1.map(f1).join(', ')} at the end (1, 5, 15 min).`,
    '',
    '| dataset | measure | base, median (min-max) | this checkout, median (min-max) | ratio of medians | per-round ratio, median (min-max) |',
    '|---|---|---:|---:|---:|---:|',
  ];
  const same: string[] = [];
  sets.forEach(([label], s) => {
    const { base: a, branch: b } = results[s]!;
    if (a.length === 0 || b.length === 0) {
      lines.push(`| ${label} | not measured: a child failed | | | | |`);
      return;
    }
    for (const [measure, pick] of [
      ['MB/s (wall clock)', (x: AbRound) => x.mbPerSecond],
      ['MB per CPU second', (x: AbRound) => x.mbPerCpuSecond],
    ] as const) {
      const ma = a.map(pick);
      const mb = b.map(pick);
      const ratios = ma.slice(0, Math.min(ma.length, mb.length)).map((x, i) => mb[i]! / x);
      const range = (xs: number[], f: (n: number) => string) => `${f(Math.min(...xs))}-${f(Math.max(...xs))}`;
      lines.push(
        `| ${label} | ${measure} | ${f1(median(ma))} (${range(ma, f1)}, ${ma.length} runs) | ${f1(median(mb))} (${range(mb, f1)}, ${mb.length} runs) | ${f2(median(mb) / median(ma))}x | ${f2(median(ratios))}x (${range(ratios, f2)}) |`,
      );
    }
    const identical = [...a, ...b].every((x) => x.checksum === a[0]!.checksum && x.candidates === a[0]!.candidates);
    same.push(
      identical
        ? `${label}: the same ${a[0]!.candidates} candidates in every run of both (checksum ${a[0]!.checksum})`
        : `${label}: DIFFERENT candidates: base ${a[0]!.candidates} (checksum ${a[0]!.checksum}), this checkout ${b[0]!.candidates} (${b[0]!.checksum})`,
    );
  });
  lines.push('', ...same);
  console.log(lines.join('\n'));
}

await main();
