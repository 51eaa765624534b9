/**
 * npm run -s quality -- broad [--json FILE] [--lenient]
 * Runs the CLI's detection (blocksOfText on the page text after the header lines, then detectBlocks)
 * over every page of the broad quality set (test/quality/broad) and prints, per page and in total:
 * core recall on history pages, precision on history pages, tricky mentions right and wrong, and
 * wrong links per 1,000 words on ordinary pages, beside the thresholds; then the most frequent misses
 * and every wrong link and false positive with its context. A report, not a gate: it exits 0 whatever
 * the figures (2 on a usage error, 1 when the dataset or the gold cannot be read).
 * --json FILE writes the figures as JSON.
 */
import { toBinary } from '../src/core/index/binary';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matcher } from '../src/core/match/matcher';
import { buildIndex, DatasetError } from '../tools/dataset/compile';
import { blocksOfText, detectBlocks } from '../tools/dataset/detect-file';
import {
  BROAD_DIR,
  BROAD_GOLD_DIR,
  BROAD_THRESHOLDS as T,
  readBroadGold,
  readBroadPage,
  scoreBroad,
  type BroadPageReport,
} from '../test/quality/broad-score';

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');

interface Totals {
  historyPages: number;
  ordinaryPages: number;
  coreRecall: number;
  coreNotableFound: number;
  coreNotableMentions: number;
  historyPrecision: number;
  historyCorrect: number;
  historyWrongLinks: number;
  historyFalsePositives: number;
  allPrecision: number;
  trickyRight: number;
  trickyTotal: number;
  trickyRightShare: number;
  /** Tricky mentions of things the reference does not hold (not notable, not in the dataset) left quiet. */
  trickyQuietAbsent: number;
  /** (trickyRight + trickyQuietAbsent) / trickyTotal: right for a reader of a history reference. */
  trickyReaderShare: number;
  trickyWrong: number;
  ordinaryWords: number;
  ordinaryErrors: number;
  ordinaryWrongPer1000Words: number;
  /** Notable misses across all pages (title, count, in the dataset or not). */
  topMisses: { title: string; count: number; inDataset: boolean; pages: number }[];
  notableMissesNotInDataset: number;
  notableMisses: number;
}

function totalsOf(pages: BroadPageReport[]): Totals {
  const history = pages.filter((p) => p.kind === 'history');
  const ordinary = pages.filter((p) => p.kind === 'ordinary');
  const sum = (ps: BroadPageReport[], f: (p: BroadPageReport) => number) => ps.reduce((s, p) => s + f(p), 0);
  const hc = sum(history, (p) => p.correct);
  const hw = sum(history, (p) => p.wrongLinks);
  const hf = sum(history, (p) => p.falsePositives);
  const ac = sum(pages, (p) => p.correct);
  const aj = ac + sum(pages, (p) => p.wrongLinks + p.falsePositives);
  const misses = new Map<string, { count: number; inDataset: boolean; pages: Set<string> }>();
  for (const p of pages) {
    for (const m of p.notableMisses) {
      const e = misses.get(m.title) ?? { count: 0, inDataset: m.inDataset, pages: new Set<string>() };
      e.count++;
      e.pages.add(p.slug);
      misses.set(m.title, e);
    }
  }
  const topMisses = [...misses]
    .map(([title, e]) => ({ title, count: e.count, inDataset: e.inDataset, pages: e.pages.size }))
    .sort((a, b) => b.count - a.count || b.pages - a.pages || a.title.localeCompare(b.title));
  const ow = sum(ordinary, (p) => p.words);
  const oe = sum(ordinary, (p) => p.wrongLinks + p.falsePositives);
  const tr = sum(pages, (p) => p.trickyRight);
  const tt = sum(pages, (p) => p.trickyTotal);
  const tq = sum(pages, (p) => p.trickyQuietAbsent);
  const found = sum(history, (p) => p.notableFound);
  const mentions = sum(history, (p) => p.notableMentions);
  return {
    historyPages: history.length,
    ordinaryPages: ordinary.length,
    coreRecall: ratio(found, mentions),
    coreNotableFound: found,
    coreNotableMentions: mentions,
    historyPrecision: ratio(hc, hc + hw + hf),
    historyCorrect: hc,
    historyWrongLinks: hw,
    historyFalsePositives: hf,
    allPrecision: ratio(ac, aj),
    trickyRight: tr,
    trickyTotal: tt,
    trickyRightShare: ratio(tr, tt),
    trickyQuietAbsent: tq,
    trickyReaderShare: ratio(tr + tq, tt),
    trickyWrong: sum(pages, (p) => p.trickyWrong),
    ordinaryWords: ow,
    ordinaryErrors: oe,
    ordinaryWrongPer1000Words: ow === 0 ? 0 : (oe * 1000) / ow,
    topMisses: topMisses.slice(0, 15),
    notableMissesNotInDataset: sum(pages, (p) => p.notableMisses.filter((m) => !m.inDataset).length),
    notableMisses: sum(pages, (p) => p.notableMisses.length),
  };
}

function printReport(pages: BroadPageReport[], t: Totals): void {
  const out: string[] = [];
  out.push('broad quality set: per page');
  out.push(
    `${'page'.padEnd(34)} ${'kind'.padEnd(8)} ${'words'.padStart(5)}  ${'recall'.padEnd(15)} ${'precision'.padEnd(15)} ${'wrong'.padStart(5)} ${'fp'.padStart(4)} ${'amb'.padStart(4)}  ${'tricky'.padEnd(7)} ${'trW'.padStart(3)} ${'err/1kw'.padStart(7)}`,
  );
  for (const p of pages) {
    out.push(
      [
        p.slug.padEnd(34),
        p.kind.padEnd(8),
        String(p.words).padStart(5),
        ` ${`${f3(p.recall)} ${p.notableFound}/${p.notableMentions}`.padEnd(15)}`,
        `${f3(p.precision)} ${p.correct}/${p.correct + p.wrongLinks + p.falsePositives}`.padEnd(15),
        String(p.wrongLinks).padStart(5),
        String(p.falsePositives).padStart(4),
        String(p.ambiguous).padStart(4),
        ` ${`${p.trickyRight}/${p.trickyTotal}`.padEnd(7)}`,
        String(p.trickyWrong).padStart(3),
        p.errorsPer1000Words.toFixed(1).padStart(7),
      ].join(' '),
    );
  }
  out.push('  (recall: notable gold mentions linked to their title; precision: correct/(correct+wrong links+false positives),');
  out.push(
    '   unlabelled snippets not scored; amb: ambiguous detections; trW: tricky wrong; err/1kw: (wrong links+false positives) per 1,000 words)',
  );
  out.push('');
  out.push(`totals (${t.historyPages} history pages, ${t.ordinaryPages} ordinary pages)        figure      threshold`);
  out.push(
    `  core recall, history pages        ${f3(t.coreRecall).padEnd(10)}  >= ${f3(T.coreRecall)}  ${mark(t.coreRecall >= T.coreRecall)}  (${t.coreNotableFound}/${t.coreNotableMentions} notable mentions)`,
  );
  out.push(
    `  precision, history pages          ${f3(t.historyPrecision).padEnd(10)}  >= ${f3(T.precision)}  ${mark(t.historyPrecision >= T.precision)}  (${t.historyCorrect} correct, ${t.historyWrongLinks} wrong links, ${t.historyFalsePositives} false positives)`,
  );
  out.push(
    `  tricky mentions right (strict)    ${pct(t.trickyRightShare).padEnd(10)}  >= ${pct(T.trickyRight)}  ${mark(t.trickyRightShare >= T.trickyRight)}  (${t.trickyRight}/${t.trickyTotal}, all pages)`,
  );
  out.push(
    `  tricky right, quiet where absent  ${pct(t.trickyReaderShare).padEnd(10)}  >= ${pct(T.trickyRight)}  ${mark(t.trickyReaderShare >= T.trickyRight)}  (${t.trickyRight} + ${t.trickyQuietAbsent} left unlinked whose title is not notable and not in the dataset)`,
  );
  out.push(
    `  tricky wrong links                ${String(t.trickyWrong).padEnd(10)}  == ${T.trickyWrong}      ${mark(t.trickyWrong === T.trickyWrong)}  (a link to another title, or any link where none is expected)`,
  );
  out.push(
    `  wrong links / 1,000 words, ordinary ${t.ordinaryWrongPer1000Words.toFixed(2).padEnd(8)}  <= ${T.wrongPer1000Words.toFixed(2)}   ${mark(t.ordinaryWrongPer1000Words <= T.wrongPer1000Words)}  (${t.ordinaryErrors} wrong links and false positives in ${t.ordinaryWords} words)`,
  );
  out.push(
    `  (precision on all pages ${f3(t.allPrecision)}; ${t.notableMisses} notable mentions missed, ${t.notableMissesNotInDataset} of them of a title the dataset lacks)`,
  );
  out.push('');
  out.push('15 most frequent misses (notable mentions, all pages):');
  for (const m of t.topMisses)
    out.push(
      `  ${String(m.count).padStart(3)}  ${m.title}${m.inDataset ? '' : '  [not in dataset]'}${m.pages > 1 ? `  (${m.pages} pages)` : ''}`,
    );
  out.push('');
  out.push('wrong links (same span, other title):');
  for (const p of pages) for (const w of p.wrongLinkList) out.push(`  ${p.slug}: ${w}`);
  out.push('');
  out.push('false positives (a link where the gold has none):');
  for (const p of pages) for (const w of p.falsePositiveList) out.push(`  ${p.slug}: ${w}`);
  out.push('');
  out.push('tricky mentions not right (WRONG: linked to another title, or linked where no link is expected):');
  for (const p of pages) {
    for (const w of p.trickyWrongList.filter((x) => x.includes(': expected no link, got'))) out.push(`  ${p.slug}: WRONG  ${w}`);
    for (const w of p.trickyMissedList) out.push(`  ${p.slug}: ${/got (nothing|ambiguous)/.test(w) ? '' : 'WRONG  '}${w}`);
  }
  console.log(out.join('\n'));
}

function main(argv: string[]): number {
  const jsonAt = argv.indexOf('--json');
  const jsonFile = jsonAt !== -1 ? argv[jsonAt + 1] : undefined;
  if (jsonAt !== -1 && (!jsonFile || jsonFile.startsWith('--'))) {
    console.error('--json needs a FILE');
    return 2;
  }
  const suite = argv.find((a, i) => !a.startsWith('--') && i !== jsonAt + 1) ?? 'broad';
  if (suite !== 'broad') {
    console.error('usage: npm run -s quality -- broad [--json FILE] [--lenient]');
    return 2;
  }
  const index = buildIndex({ lenient: argv.includes('--lenient') });
  const matcher = new Matcher(toBinary(index));
  const titles = new Set(index.entities.map((e) => e.wikipedia));
  const pages: BroadPageReport[] = [];
  for (const file of readdirSync(BROAD_GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const slug = file.replace(/\.json$/, '');
    const gold = readBroadGold(slug);
    const page = readBroadPage(join(BROAD_DIR, gold.page));
    const { text, mentions } = detectBlocks(blocksOfText(page.body), index, matcher);
    pages.push(scoreBroad(slug, text, mentions, gold, titles));
  }
  const totals = totalsOf(pages);
  printReport(pages, totals);
  if (jsonFile) {
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ date: new Date().toISOString(), entities: index.entities.length, thresholds: T, totals, pages }, null, 2)}\n`,
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
