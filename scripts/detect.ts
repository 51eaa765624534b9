/**
 * npm run -s detect -- FILE [--summary] [--pack PACK]...
 * Runs the extension's page-text extraction and matcher in Node over an .html or .txt file and prints
 * JSON {"text", "mentions": [{"start", "end", "id", "name", "type", "wikipedia"}]}; offsets index
 * into text; an ambiguous mention has "candidates" instead of an id. --summary prints one line a mention;
 * --explain SURFACE prints how every candidate with that surface was scored (for dataset authors).
 * --pack PACK (JSON or CSV, repeatable) adds a reference pack's entities beside the dataset, as the
 * extension does; mentions of entities a pack names carry "packs": [its title].
 */
import { readFileSync } from 'node:fs';
import { readInput } from '../tools/read-input';
import { basename, extname } from 'node:path';
import { toBinary } from '../src/core/index/binary';
import type { CompiledIndex } from '../src/core/index/format';
import { Matcher } from '../src/core/match/matcher';
import { problemLine } from '../src/core/packs/check';
import { packIdOf, type StoredPack } from '../src/core/packs/format';
import { parsePack } from '../src/core/packs/parse';
import { buildPackLayer } from '../src/core/packs/table';
import { buildIndex, DatasetError } from '../tools/dataset/compile';
import { blocksOfHtml, blocksOfText, detectBlocks } from '../tools/dataset/detect-file';

class UsageError extends Error {}

/** The packs named by --pack, checked as an import would; the matcher with their second table. */
function withPacks(files: string[], index: CompiledIndex) {
  const packs: StoredPack[] = files.map((file) => {
    const result = parsePack(readFileSync(file, 'utf8'), basename(file));
    if (!result.ok) throw new UsageError(`${file} is not a valid pack:\n${result.problems.map(problemLine).join('\n')}`);
    return { id: packIdOf(result.pack.title), enabled: true, imported: 0, updated: 0, pack: result.pack };
  });
  const byTitle = new Map(index.entities.map((e) => [e.wikipedia, e.id]));
  const layer = buildPackLayer([], packs, (title) => byTitle.get(title));
  const packsOf = new Map([...layer.overlays].map(([id, list]) => [id, list.map((o) => o.packTitle)]));
  return { matcher: new Matcher(toBinary(index), layer.table?.index), extra: { entities: layer.table?.entities ?? [], packsOf } };
}

function main(argv: string[]): number {
  const explainAt = argv.indexOf('--explain');
  const explainSurface = explainAt !== -1 ? argv[explainAt + 1] : undefined;
  const packFiles = argv.flatMap((a, i) => (argv[i - 1] === '--pack' ? [a] : []));
  const file = argv.find((a, i) => !a.startsWith('--') && (explainAt === -1 || i !== explainAt + 1) && argv[i - 1] !== '--pack');
  if (!file || argv[argv.length - 1] === '--pack') {
    console.error('usage: npm run -s detect -- FILE.html|FILE.txt [--summary] [--pack PACK.json|PACK.csv]');
    return 2;
  }
  const source = readInput(file);
  if (source === undefined) return 2;
  const ext = extname(file).toLowerCase();
  const blocks = ext === '.html' || ext === '.htm' ? blocksOfHtml(source) : blocksOfText(source);
  // --lenient: leave out invalid entries instead of failing (while the dataset is being edited).
  const index = buildIndex({ lenient: argv.includes('--lenient') });
  let packed: ReturnType<typeof withPacks> | undefined;
  try {
    packed = packFiles.length > 0 ? withPacks(packFiles, index) : undefined;
  } catch (err) {
    console.error(err instanceof UsageError ? err.message : `cannot read a pack: ${(err as Error).message}`);
    return 2;
  }
  if (explainSurface !== undefined) {
    detectBlocks(
      blocks,
      index,
      packed?.matcher,
      (e) => {
        if (e.surface !== explainSurface) return;
        const era = e.pageYear === undefined ? 'the page names no years' : `the page is about ${e.pageYear}`;
        console.log(`block ${e.block} @${e.start} "${e.surface}" (${era}): ${e.outcome}`);
        for (const s of e.scored) {
          const span = s.span ? ` [active ${s.span[0]}-${s.span[1]}]` : '';
          console.log(`    ${s.valid ? ' ' : 'x'} ${s.id}${span} ${s.score}: ${s.why.join(', ')}`);
        }
      },
      packed?.extra,
    );
    return 0;
  }
  const result = detectBlocks(blocks, index, packed?.matcher, undefined, packed?.extra);
  if (argv.includes('--summary')) {
    for (const m of result.mentions) {
      const surface = result.text.slice(m.start, m.end).replace(/\s+/g, ' ');
      console.log(`${String(m.start).padStart(6)} ${surface.padEnd(28)} ${m.id ?? `? ${m.candidates!.map((c) => c.id).join(' | ')}`}`);
    }
    return 0;
  }
  console.log(JSON.stringify(result));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof DatasetError ? err.message : err);
  process.exitCode = 1;
}
