/**
 * Dataset CLI for authors and checks.
 *   validate   exit 1 and name file, entry and problem for each fault; else print a summary
 *   stats      JSON {"total": N, "byType": {...}}
 *   lookup NAME  JSON array of full records whose name, alias or Wikipedia title equals NAME
 *              (case- and diacritic-insensitive), best match first
 *   format [--check]  rewrite every source file in the canonical layout (--check: only report)
 *   readme     write the dataset's entity count into README.md (a test checks it)
 *   coverage [--with-incoming] [--json]  coverage of the reference lists (../shared/reference) by the
 *              dataset's Wikipedia titles, against the targets, with the first missing titles
 *   check-reference [--with-incoming]  people whose born year differs by more than a year from a
 *              reference list's birth year and carry no `note`; exit 1 if any
 *   titles-vs FILE... [--slice C]... [--out PATH] [--absent PATH] [--limit N] [--with-incoming]
 *              entities whose Wikipedia title is not in the lists of current titles FILE... while a
 *              list holds a title that looks like the same subject: the candidates, ranked, as TSV
 *              (stdout or --out), and with --absent the titles in no list; counts on stderr. The lists stay outside the repository
 *              (docs/data-sources/titles.md says where to get them).
 * coverage and check-reference skip (exit 0) when ../shared is absent, but fail when CI=true.
 */
import { nameKey } from '../src/core/text/tokens';
import { ENTITY_TYPES, type Entity } from '../src/core/dataset/types';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSourceFile, loadDataset, readEntitiesWithFiles, readmeWithCount, readSourceFiles } from '../tools/dataset/files';
import { birthMismatches, coverage, formatCoverage, loadReferenceLists, percent, referenceMissing } from '../tools/dataset/reference';
import { DATA_DIR, ROOT } from '../tools/paths';
import {
  SLICE_FILES,
  buildTitleIndex,
  formatAbsent,
  formatTitleReport,
  readTitleSource,
  sliceOfFile,
  titlesVs,
  type TitleSource,
} from '../tools/dataset/titles';

function stats(entities: Entity[]): { total: number; byType: Record<string, number> } {
  const byType: Record<string, number> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]));
  for (const e of entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return { total: entities.length, byType };
}

/** Rank 0: the name; 1: the Wikipedia title; 2: an alias. */
function lookup(entities: Entity[], query: string): Entity[] {
  // The matcher's own key, so a lookup finds what the engine would match ("J Edgar Hoover" finds "J. Edgar Hoover").
  const key = nameKey(query);
  const ranked: [number, Entity][] = [];
  for (const e of entities) {
    if (nameKey(e.name) === key) ranked.push([0, e]);
    else if (nameKey(e.wikipedia) === key) ranked.push([1, e]);
    else if ((e.aliases ?? []).some((a) => nameKey(a) === key)) ranked.push([2, e]);
  }
  return ranked.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name)).map(([, e]) => e);
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  let loaded: ReturnType<typeof loadDataset> | undefined;
  const dataset = () => (loaded ??= loadDataset());
  switch (command) {
    case 'coverage':
    case 'check-reference': {
      const lists = loadReferenceLists();
      if ('missing' in lists) {
        const { message, exitCode } = referenceMissing(lists.missing);
        console.error(`${command}: ${message}`);
        return exitCode;
      }
      const incoming = rest.includes('--with-incoming');
      const entities = readEntitiesWithFiles({ incoming });
      const scope = incoming ? 'assets/data + assets/data-incoming' : 'assets/data';
      if (command === 'coverage') {
        const report = coverage(
          lists,
          entities.map((x) => x.entity),
        );
        if (rest.includes('--json')) {
          const json = report.map((c) => ({ ...c, lines: c.lines.map((l) => ({ ...l, percent: percent(l) })) }));
          console.log(JSON.stringify({ scope, entities: entities.length, lists: json }, null, 2));
        } else {
          console.log(`coverage of ../shared/reference by ${scope} (${entities.length} entities)\n`);
          console.log(formatCoverage(report));
        }
        return 0;
      }
      const mismatches = birthMismatches(lists, entities);
      const unexplained = mismatches.filter((m) => !m.note);
      for (const m of unexplained) console.log(`${m.id}: "${m.title}" born ${m.born}, ${m.list} says ${m.listYear} (${m.file})`);
      console.log(
        `${unexplained.length} unexplained birth-year mismatch(es) in ${scope}; ${mismatches.length - unexplained.length} explained by a note`,
      );
      return unexplained.length > 0 ? 1 : 0;
    }
    case 'validate': {
      const result = dataset();
      for (const p of result.problems) console.error(`${p.file}: ${p.id ? `${p.id}: ` : ''}${p.problem}`);
      if (result.problems.length > 0) {
        console.error(`${result.problems.length} problem(s)`);
        return 1;
      }
      const s = stats(result.entities);
      console.log(
        `ok: ${s.total} entities (${Object.entries(s.byType)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ')}); ${result.needsContext.length} aliases need context`,
      );
      console.log(
        `${result.shortAcronyms.length} acronyms of <= 3 letters: ${result.shortAcronyms.map((a) => `${a.alias} (${a.ids.join(', ')})`).join('; ')}`,
      );
      if (rest.includes('--context'))
        for (const c of result.needsContext) console.log(`  ${c.key}: ${c.reasons.join('+')} -> ${c.ids.join(', ')}`);
      return 0;
    }
    case 'stats':
      console.log(JSON.stringify(stats(dataset().entities)));
      return 0;
    case 'lookup': {
      const name = rest.join(' ').trim();
      if (name === '') {
        console.error('usage: npm run -s dataset -- lookup NAME');
        return 2;
      }
      console.log(JSON.stringify(lookup(dataset().entities, name), null, 2));
      return 0;
    }
    case 'format': {
      const { files, problems } = readSourceFiles(DATA_DIR);
      if (problems.length > 0) {
        for (const p of problems) console.error(`${p.file}: ${p.problem}`);
        return 1;
      }
      let changed = 0;
      for (const f of files) {
        const path = join(ROOT, f.file);
        const text = formatSourceFile(f.data as Parameters<typeof formatSourceFile>[0]);
        if (readFileSync(path, 'utf8') === text) continue;
        changed++;
        if (rest.includes('--check')) console.log(`not canonical: ${f.file}`);
        else writeFileSync(path, text);
      }
      console.log(`${changed} file(s) ${rest.includes('--check') ? 'not in canonical layout' : 'rewritten'}`);
      return rest.includes('--check') && changed > 0 ? 1 : 0;
    }
    case 'readme': {
      const result = dataset();
      const path = join(ROOT, 'README.md');
      const text = readmeWithCount(readFileSync(path, 'utf8'), result.entities.length);
      writeFileSync(path, text);
      console.log(`README.md: ${result.entities.length.toLocaleString('en-US')} entities`);
      return 0;
    }
    case 'titles-vs':
      return titlesVsCommand(rest);
    default:
      console.error(
        'usage: npm run -s dataset -- validate [--context] | stats | lookup NAME | format [--check] | readme | coverage [--with-incoming] [--json] | check-reference [--with-incoming] | titles-vs FILE... [--slice C]... [--out PATH] [--absent PATH] [--limit N] [--with-incoming]',
      );
      return 2;
  }
}

const TITLES_VS_USAGE =
  'usage: npm run -s dataset -- titles-vs FILE... [--slice A|B|C|D|E|F|G]... [--out PATH] [--absent PATH] [--limit N] [--with-incoming]\n' +
  '  FILE: a list of current English Wikipedia titles (one title or /wiki/ link a line, a TSV with a title column, or JSON\n' +
  '  such as ../shared/reference/*.json); docs/data-sources/titles.md says which lists exist and where to get them';

/** `titles-vs`: the dataset's titles against bulk lists of current titles (tools/dataset/titles.ts). */
function titlesVsCommand(args: string[]): number {
  const files: string[] = [];
  const slices: string[] = [];
  let out: string | undefined;
  let absentOut: string | undefined;
  let limit = 5;
  let incoming = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--slice' || arg === '--out' || arg === '--limit' || arg === '--absent') {
      const value = args[++i];
      if (value === undefined) {
        console.error(`titles-vs: ${arg} needs a value\n${TITLES_VS_USAGE}`);
        return 2;
      }
      if (arg === '--out') out = value;
      else if (arg === '--absent') absentOut = value;
      else if (arg === '--limit') limit = Number(value);
      else slices.push(...value.toUpperCase().split(','));
    } else if (arg === '--with-incoming') incoming = true;
    else if (arg.startsWith('--')) {
      console.error(`titles-vs: unknown option ${arg}\n${TITLES_VS_USAGE}`);
      return 2;
    } else files.push(arg);
  }
  const unknown = slices.filter((s) => !(s in SLICE_FILES));
  if (files.length === 0 || unknown.length > 0 || !Number.isInteger(limit) || limit < 1) {
    if (unknown.length > 0) console.error(`titles-vs: unknown slice ${unknown.join(', ')} (known: ${Object.keys(SLICE_FILES).join(', ')})`);
    if (!Number.isInteger(limit) || limit < 1) console.error('titles-vs: --limit takes a whole number of 1 or more');
    console.error(TITLES_VS_USAGE);
    return 2;
  }
  const sources: TitleSource[] = [];
  for (const file of files) {
    try {
      sources.push(readTitleSource(file));
    } catch (err) {
      console.error(`titles-vs: cannot read ${file}: ${(err as Error).message}`);
      return 1;
    }
  }
  const index = buildTitleIndex(sources);
  const all = readEntitiesWithFiles({ incoming });
  const checked = slices.length === 0 ? all : all.filter((x) => slices.includes(sliceOfFile(x.file)));
  const auditPath = join(DATA_DIR, 'AUDIT.md');
  const report = titlesVs(
    checked,
    all.map((x) => x.entity),
    index,
    limit,
    existsSync(auditPath) ? readFileSync(auditPath, 'utf8') : '',
  );
  const tsv = formatTitleReport(report, sliceOfFile);
  if (out) writeFileSync(out, tsv);
  else process.stdout.write(tsv);
  if (absentOut) writeFileSync(absentOut, formatAbsent(report, sliceOfFile));
  const candidates = report.rows.reduce((n, r) => n + r.candidates.length, 0);
  console.error(
    [
      `titles-vs: ${index.size.toLocaleString('en-US')} titles from ${sources.map((s) => `${s.name} (${s.titles.length.toLocaleString('en-US')})`).join(', ')}`,
      `${report.checked} entities checked${slices.length > 0 ? ` (slice ${slices.join(', ')})` : ''}: ${report.inSource} titles in the lists, ${report.notInSource} not`,
      `${report.rows.length} entities with candidates (${candidates} candidates${out ? ` written to ${out}` : ''}); ${report.takenByOthers} weaker look-alikes left out because another entity carries them`,
      ...(absentOut ? [`the ${report.absent.length} titles in no list written to ${absentOut}`] : []),
    ].join('\n'),
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
