/**
 * npm run -s noise -- DIR_OR_GIT_DIR [--sample N] [--seed S] [--json FILE] [--lenient]
 * Noise on real pages: runs the CLI's HTML detection (blocksOfHtml + detectBlocks) on every source.html
 * (for instance mozilla/readability's test/test-pages/<name>/source.html) and prints, per page, the
 * words, the links, links per 1,000 words and the 5 most linked entities (page chrome, core/extract.ts, is
 * counted in the words but not read for names, as in the browser); then the totals and the 30
 * most linked entities overall. The argument is a folder (every source.html below it, or else every
 * .html in it) or a git directory without a work tree (read with `git show HEAD:path`). A path that is
 * absent is skipped with a message (exit 0).
 * --sample N draws N links at random with a fixed seed (--seed, default 1) and prints page, surface,
 * 40 characters of context either side and the linked title, for judging precision by hand.
 * --json FILE writes the figures (and the sample) as JSON.
 */
import { prng } from './bench/synthetic';
import { toBinary } from '../src/core/index/binary';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Matcher } from '../src/core/match/matcher';
import { buildIndex, DatasetError } from '../tools/dataset/compile';
import { blocksOfHtml, detectBlocks } from '../tools/dataset/detect-file';

interface Source {
  name: string;
  read: () => string;
}

function isGitDir(path: string): boolean {
  return existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects')) && existsSync(join(path, 'refs'));
}

function gitSources(gitDir: string): Source[] {
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const paths = git('ls-tree', '-r', '--name-only', 'HEAD')
    .split('\n')
    .filter((p) => p.endsWith('/source.html'))
    .sort();
  return paths.map((p) => ({
    name: p.replace(/\/source\.html$/, '').replace(/^test\/test-pages\//, ''),
    read: () => git('show', `HEAD:${p}`),
  }));
}

function folderSources(dir: string): Source[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === 'source.html') found.push(p);
    }
  };
  walk(dir);
  const files =
    found.length > 0
      ? found
      : readdirSync(dir)
          .filter((f) => /\.html?$/i.test(f))
          .map((f) => join(dir, f));
  return files.sort().map((p) => ({
    name: relative(dir, p).replace(/\/?source\.html$/, '') || p,
    read: () => readFileSync(p, 'utf8'),
  }));
}

const countWords = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;

interface Link {
  page: string;
  start: number;
  end: number;
  surface: string;
  title: string;
  id: string;
  context: string;
}
interface PageFigures {
  page: string;
  words: number;
  /** Words in page chrome (menus, sidebars, reference lists): counted in `words`, not read for names. */
  chromeWords: number;
  links: number;
  ambiguous: number;
  perThousandWords: number;
  top: { title: string; count: number }[];
}

const tally = (titles: string[]) => {
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([title, count]) => ({ title, count })).sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
};
const rate = (links: number, words: number) => (words === 0 ? 0 : (links * 1000) / words);
/** One line: a break between blocks shows as ¶ (contexts take 40 characters of this, not of the raw text). */
const flat = (s: string) => s.replace(/\n[ \t]*\n\s*/g, ' ¶ ').replace(/\s+/g, ' ');

function main(argv: string[]): number {
  const valueOf = (flag: string) => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const valued = new Set(['--sample', '--seed', '--json'].map((f) => argv.indexOf(f) + 1).filter((i) => i > 0));
  const target = argv.find((a, i) => !a.startsWith('--') && !valued.has(i));
  if (!target) {
    console.error('usage: npm run -s noise -- DIR_OR_GIT_DIR [--sample N] [--seed S] [--json FILE] [--lenient]');
    return 2;
  }
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    console.log(`noise: skipped: ${target} is absent (give a folder of pages or the git directory of mozilla/readability)`);
    return 0;
  }
  const sources = isGitDir(target) ? gitSources(target) : folderSources(target);
  if (sources.length === 0) {
    console.log(`noise: skipped: no source.html or .html page under ${target}`);
    return 0;
  }
  const index = buildIndex({ lenient: argv.includes('--lenient') });
  const matcher = new Matcher(toBinary(index));
  const pages: PageFigures[] = [];
  const links: Link[] = [];
  const out: string[] = [];
  out.push(`noise: ${sources.length} pages from ${target} (${index.entities.length} entities)`);
  out.push(`${'page'.padEnd(48)} ${'words'.padStart(6)} ${'links'.padStart(5)} ${'/1kw'.padStart(6)} ${'amb'.padStart(4)}  most linked`);
  for (const source of sources) {
    const blocks = blocksOfHtml(source.read());
    const { text, mentions } = detectBlocks(blocks, index, matcher);
    const linked = mentions.filter((m) => m.id);
    const words = countWords(text);
    for (const m of linked) {
      links.push({
        page: source.name,
        start: m.start,
        end: m.end,
        surface: flat(text.slice(m.start, m.end)),
        title: m.wikipedia ?? m.id!,
        id: m.id!,
        context: `${flat(text.slice(Math.max(0, m.start - 1000), m.start)).slice(-40)}[[${flat(text.slice(m.start, m.end))}]]${flat(text.slice(m.end, m.end + 1000)).slice(0, 40)}`,
      });
    }
    const figures: PageFigures = {
      page: source.name,
      words,
      chromeWords: blocks.filter((b) => b.chrome).reduce((sum, b) => sum + countWords(b.text), 0),
      links: linked.length,
      ambiguous: mentions.length - linked.length,
      perThousandWords: rate(linked.length, words),
      top: tally(linked.map((m) => m.wikipedia ?? m.id!)).slice(0, 5),
    };
    pages.push(figures);
    out.push(
      `${source.name.slice(0, 48).padEnd(48)} ${String(words).padStart(6)} ${String(linked.length).padStart(5)} ${figures.perThousandWords.toFixed(1).padStart(6)} ${String(figures.ambiguous).padStart(4)}  ${figures.top.map((t) => `${t.title} ×${t.count}`).join('; ')}`,
    );
  }
  const words = pages.reduce((s, p) => s + p.words, 0);
  const chromeWords = pages.reduce((s, p) => s + p.chromeWords, 0);
  const ambiguous = pages.reduce((s, p) => s + p.ambiguous, 0);
  const pagesWithLinks = pages.filter((p) => p.links > 0).length;
  const perPage = pages.map((p) => p.perThousandWords).sort((a, b) => a - b);
  const median = perPage.length === 0 ? 0 : perPage[Math.floor(perPage.length / 2)]!;
  const top = tally(links.map((l) => l.title)).slice(0, 30);
  const totals = {
    pages: pages.length,
    pagesWithLinks,
    words,
    chromeWords,
    links: links.length,
    ambiguous,
    perThousandWords: rate(links.length, words),
    medianPagePerThousandWords: median,
    distinctEntities: new Set(links.map((l) => l.id)).size,
  };
  out.push('');
  out.push(
    `totals: ${totals.pages} pages (${pagesWithLinks} with a link), ${words} words (${chromeWords} of them in page chrome, not read for names), ${links.length} links (${totals.distinctEntities} distinct entities), ${totals.perThousandWords.toFixed(2)} links per 1,000 words (median page ${median.toFixed(2)}), ${ambiguous} ambiguous mentions`,
  );
  out.push('');
  out.push('30 most linked entities:');
  for (const t of top) out.push(`  ${String(t.count).padStart(4)}  ${t.title}`);

  const sampleSize = Number(valueOf('--sample') ?? 0);
  const seed = Number(valueOf('--seed') ?? 1);
  let sample: (Link & { n: number })[] = [];
  if (sampleSize > 0) {
    const random = prng(seed);
    const order = links.map((_, i) => i);
    const n = Math.min(sampleSize, order.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (order.length - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    sample = order
      .slice(0, n)
      .sort((a, b) => a - b)
      .map((i, k) => ({ ...links[i]!, n: k + 1 }));
    out.push('');
    out.push(`sample of ${n} links (seed ${seed}): page | surface | context | linked title`);
    for (const s of sample) out.push(`  ${String(s.n).padStart(3)}. ${s.page} | ${s.surface} | …${s.context}… | ${s.title}`);
  }
  console.log(out.join('\n'));
  const jsonFile = valueOf('--json');
  if (jsonFile) {
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ date: new Date().toISOString(), source: target, entities: index.entities.length, totals, top, pages, sample, seed }, null, 2)}\n`,
    );
    console.log(`\nfigures written to ${jsonFile}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof DatasetError ? err.message : err);
  process.exitCode = 1;
}
