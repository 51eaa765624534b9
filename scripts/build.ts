/**
 * Builds dist/chrome and dist/firefox from src/, assets/ and manifest.json.
 *   npm run build            production build (minified, external source maps)
 *   npm run watch            rebuild on every change to src/, assets/ or manifest.json
 *   npm run package          build, then write store-ready zips (no source maps) to dist/
 *   --lenient                with watch: build even while the dataset has problems (they are printed)
 *   --trace                  a build that records cold-start timestamps (src/shared/trace.ts), into
 *                            out/bench/trace/ instead of dist/: for the bench's breakdown only
 *   --no-minify              keep names (with --trace: CPU profiles of the content script name its functions)
 */
import * as esbuild from 'esbuild';
import { gzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { encodeIndex } from '../src/core/index/binary';
import { INDEX_FILE } from '../src/core/index/binary-layout';
import { cardShards } from '../src/core/index/format';
import { buildIndex, DatasetError } from '../tools/dataset/compile';
import { BENCH_DIR, DIST, ROOT } from '../tools/paths';
import { manifestFor, TARGETS, type Target } from '../tools/targets';
import { mergedMessages } from '../tools/locales';

const args = new Set(process.argv.slice(2));
const watchMode = args.has('--watch');
const lenient = args.has('--lenient') || watchMode;
const traced = args.has('--trace');
const outRoot = traced ? join(BENCH_DIR, 'trace') : DIST;

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const STATIC: [from: string, to: string][] = [
  ['assets/icons', 'icons'],
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/notebook/notebook.html', 'notebook.html'],
  ['src/notebook/notebook.css', 'notebook.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['src/options/welcome.html', 'welcome.html'],
  ['src/content/content.css', 'content.css'],
  // The notes frame: the reader's notes and editors, an extension page inside the card (web_accessible_resources).
  ['src/frame/notes-frame.html', 'notes-frame.html'],
  ['src/frame/notes-frame.css', 'notes-frame.css'],
  // Natural Earth country outlines (world-atlas, ISC; data public domain) for place cards' maps.
  ['node_modules/world-atlas/countries-110m.json', 'data/countries-110m.json'],
];

function esbuildOptions(outdir: string, indexId: string): esbuild.BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: {
      background: 'src/background/main.ts',
      popup: 'src/popup/main.tsx',
      notebook: 'src/notebook/main.tsx',
      options: 'src/options/main.tsx',
      welcome: 'src/options/welcome.tsx',
      'notes-frame': 'src/frame/main.tsx',
    },
    outdir,
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox140'],
    minify: !watchMode && !args.has('--no-minify'),
    sourcemap: watchMode ? 'linked' : 'external',
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: {
      'process.env.NODE_ENV': watchMode ? '"development"' : '"production"',
      __DRAMATIS_TRACE__: String(traced),
      // Which data/index.bin this build ships: the background keeps a copy of it in IndexedDB under
      // this id (src/background/index-cache.ts) and never takes a copy made by another build.
      __DRAMATIS_INDEX_ID__: JSON.stringify(indexId),
    },
    // The traced build's first mark is the worker's first statement, before any module is evaluated.
    ...(traced ? { banner: { js: 'globalThis.__dramatisTrace=[["script start",performance.timeOrigin+performance.now()]];' } } : {}),
    logLevel: 'warning',
  };
}

/**
 * The compiled dataset as it ships: data/index.bin (the matcher's table, forms, entity records,
 * cues and relations, read in place) and the card texts in shards, data/cards/<n>.json. Compiled
 * before the scripts are bundled, because the background carries the index's id (its hash).
 */
interface CompiledData {
  index: Uint8Array;
  shards: ReturnType<typeof cardShards>;
  /** The first 16 hex digits of the index file's SHA-256. */
  indexId: string;
}

function compileData(): CompiledData {
  const compiled = buildIndex({ lenient });
  const index = new Uint8Array(encodeIndex(compiled));
  return { index, shards: cardShards(compiled.entities), indexId: createHash('sha256').update(index).digest('hex').slice(0, 16) };
}

function writeData(outdir: string, data: CompiledData): void {
  mkdirSync(join(outdir, 'data', 'cards'), { recursive: true });
  // Gzipped (4.0 MB -> 1.8 MB today): the worker reads it through DecompressionStream
  // (src/background/index-prefetch.ts), which measured faster to the last byte than the plain file
  // on the bench machine (docs/PERFORMANCE.md, "Session 6: the cold worker"). fflate's level 9 makes
  // 1.79 MB of today's 4.01 MB, Node's zlib 1.93 MB. Its id (indexId) is the hash of the plain bytes.
  writeFileSync(join(outdir, INDEX_FILE), gzipSync(data.index, { level: 9 }));
  data.shards.forEach((shard, n) => writeFileSync(join(outdir, 'data', 'cards', `${n}.json`), JSON.stringify(shard)));
}

function writeStatic(outdir: string, target: Target): void {
  for (const [from, to] of STATIC) cpSync(join(ROOT, from), join(outdir, to), { recursive: true });
  const base = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifestFor(target, base, version), null, 2));
  mkdirSync(join(outdir, '_locales', 'en'), { recursive: true });
  writeFileSync(join(outdir, '_locales', 'en', 'messages.json'), JSON.stringify(mergedMessages(), null, 2));
}

/** Both targets ship the same bundles; only their manifests differ, so JS is built once and copied. */
async function buildOnce(): Promise<void> {
  const started = performance.now();
  const primary = join(outRoot, 'chrome');
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(primary, { recursive: true });
  const data = compileData();
  await esbuild.build(esbuildOptions(primary, data.indexId));
  // The content script runs in every page, within a 60 KB budget: it reaches the browser natively
  // (src/content/native-browser.ts) rather than through webextension-polyfill's 9.7 KB.
  await esbuild.build({
    ...esbuildOptions(primary, data.indexId),
    entryPoints: { content: 'src/content/main.ts' },
    alias: { 'webextension-polyfill': './src/content/native-browser.ts' },
  });
  // The card and note UI is an ES module the content script imports on first need (web_accessible_resources).
  await esbuild.build({ ...esbuildOptions(primary, data.indexId), entryPoints: { ui: 'src/content/ui/entry.ts' }, format: 'esm' });
  writeData(primary, data);
  for (const target of TARGETS) {
    const outdir = join(outRoot, target);
    if (outdir !== primary) cpSync(primary, outdir, { recursive: true });
    writeStatic(outdir, target);
  }
  console.log(
    `built ${relative(ROOT, outRoot)}/chrome and ${relative(ROOT, outRoot)}/firefox in ${Math.round(performance.now() - started)} ms`,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function packageZips(): void {
  for (const target of TARGETS) {
    const dir = join(DIST, target);
    const files: Record<string, Uint8Array> = {};
    for (const path of filesUnder(dir).sort()) {
      if (path.endsWith('.map')) continue;
      files[relative(dir, path)] = readFileSync(path);
    }
    const zip = join(DIST, `dramatis-${target}-${version}.zip`);
    // A fixed mtime keeps the zips byte-for-byte reproducible.
    writeFileSync(zip, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
    console.log(`packaged ${relative(ROOT, zip)} (${Object.keys(files).length} files)`);
  }
}

async function runWatch(): Promise<void> {
  await buildOnce();
  let timer: NodeJS.Timeout | undefined;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      buildOnce().catch((err) => console.error(err instanceof Error ? err.message : err));
    }, 150);
  };
  for (const dir of ['src', 'assets']) watch(join(ROOT, dir), { recursive: true }, rebuild);
  watch(join(ROOT, 'manifest.json'), rebuild);
  console.log('watching src/, assets/ and manifest.json (Ctrl+C to stop)');
}

async function main(): Promise<void> {
  if (watchMode) return runWatch();
  await buildOnce();
  if (args.has('--package')) packageZips();
}

main().catch((err: unknown) => {
  console.error(err instanceof DatasetError ? `build failed: ${err.message}` : err);
  process.exitCode = 1;
});
