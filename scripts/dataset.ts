/**
 * Dataset CLI for authors and checks.
 *   validate   exit 1 and name file, entry and problem for each fault; else print a summary
 *   stats      JSON {"total": N, "byType": {...}}
 *   lookup NAME  JSON array of full records whose name, alias or Wikipedia title equals NAME
 *              (case- and diacritic-insensitive), best match first
 *   format [--check]  rewrite every source file in the canonical layout (--check: only report)
 *   readme     write the dataset's entity count into README.md (a test checks it)
 */
import { nameKey } from '../src/core/text/tokens';
import { ENTITY_TYPES, type Entity } from '../src/core/dataset/types';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSourceFile, loadDataset, readmeWithCount, readSourceFiles } from '../tools/dataset/files';
import { DATA_DIR, ROOT } from '../tools/paths';

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
  const result = loadDataset();
  switch (command) {
    case 'validate': {
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
      if (rest.includes('--context'))
        for (const c of result.needsContext) console.log(`  ${c.key}: ${c.reasons.join('+')} -> ${c.ids.join(', ')}`);
      return 0;
    }
    case 'stats':
      console.log(JSON.stringify(stats(result.entities)));
      return 0;
    case 'lookup': {
      const name = rest.join(' ').trim();
      if (name === '') {
        console.error('usage: npm run -s dataset -- lookup NAME');
        return 2;
      }
      console.log(JSON.stringify(lookup(result.entities, name), null, 2));
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
      const path = join(ROOT, 'README.md');
      const text = readmeWithCount(readFileSync(path, 'utf8'), result.entities.length);
      writeFileSync(path, text);
      console.log(`README.md: ${result.entities.length.toLocaleString('en-US')} entities`);
      return 0;
    }
    default:
      console.error('usage: npm run -s dataset -- validate [--context] | stats | lookup NAME | format [--check] | readme');
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
