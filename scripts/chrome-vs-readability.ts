/**
 * npx tsx scripts/chrome-vs-readability.ts GIT_DIR [N]
 * How much article text the page-chrome rule (src/core/extract.ts) leaves unread, measured against
 * Mozilla's Readability: for each test page of a mozilla/readability git directory (no work tree), the
 * words of its expected.html (the article as Readability extracts it) that appear only in blocks this
 * extraction marks as chrome. Prints the N worst pages (default 25) and the total. A word counts as lost
 * when the page's non-chrome text has fewer copies of it than expected.html and chrome has the rest.
 */
import { execFileSync } from 'node:child_process';
import { parseHTML } from 'linkedom';
import { blocksOfHtml } from '../tools/dataset/detect-file';

const [gitDir, shown = '25'] = process.argv.slice(2);
if (!gitDir) {
  console.error('usage: npx tsx scripts/chrome-vs-readability.ts GIT_DIR_OF_MOZILLA_READABILITY [N]');
  process.exit(2);
}
const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const words = (t: string) => t.match(/[\p{L}\p{N}]+/gu) ?? [];
const bag = (ws: string[]) => {
  const m = new Map<string, number>();
  for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};
const files = new Set(git('ls-tree', '-r', '--name-only', 'HEAD').split('\n'));
let lostTotal = 0;
let expectedTotal = 0;
const rows: { page: string; lost: number; expected: number }[] = [];
for (const path of [...files].filter((p) => p.endsWith('/source.html')).sort()) {
  const expectedPath = path.replace(/source\.html$/, 'expected.html');
  if (!files.has(expectedPath)) continue;
  const { document } = parseHTML(`<html><body>${git('show', `HEAD:${expectedPath}`)}</body></html>`);
  const expected = bag(words(document.body.textContent ?? ''));
  const blocks = blocksOfHtml(git('show', `HEAD:${path}`));
  const read = bag(blocks.filter((b) => !b.chrome).flatMap((b) => words(b.text)));
  const chrome = bag(blocks.filter((b) => b.chrome).flatMap((b) => words(b.text)));
  let lost = 0;
  let count = 0;
  for (const [w, n] of expected) {
    count += n;
    const missing = Math.max(0, n - (read.get(w) ?? 0));
    lost += Math.min(missing, chrome.get(w) ?? 0);
  }
  lostTotal += lost;
  expectedTotal += count;
  rows.push({ page: path.replace(/\/source\.html$/, '').replace(/^test\/test-pages\//, ''), lost, expected: count });
}
const share = (lost: number, expected: number) => (expected === 0 ? 0 : (100 * lost) / expected);
rows.sort((a, b) => share(b.lost, b.expected) - share(a.lost, a.expected));
for (const r of rows.slice(0, Number(shown)))
  console.log(`${share(r.lost, r.expected).toFixed(1).padStart(5)}% (${r.lost}/${r.expected})  ${r.page}`);
console.log(
  `total: ${lostTotal} of ${expectedTotal} expected words only in chrome (${share(lostTotal, expectedTotal).toFixed(2)}%), ${rows.filter((r) => share(r.lost, r.expected) < 1).length} of ${rows.length} pages under 1%`,
);
