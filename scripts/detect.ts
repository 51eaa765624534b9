/**
 * npm run -s detect -- FILE [--summary]
 * Runs the extension's page-text extraction and matcher in Node over an .html or .txt file and prints
 * JSON {"text", "mentions": [{"start", "end", "id", "name", "type", "wikipedia"}]}; offsets index
 * into text; an ambiguous mention has "candidates" instead of an id. --summary prints one line a mention;
 * --explain SURFACE prints how every candidate with that surface was scored (for dataset authors).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { buildIndex, DatasetError } from '../tools/dataset/compile';
import { blocksOfHtml, blocksOfText, detectBlocks } from '../tools/dataset/detect-file';

function main(argv: string[]): number {
  const explainAt = argv.indexOf('--explain');
  const explainSurface = explainAt !== -1 ? argv[explainAt + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && (explainAt === -1 || i !== explainAt + 1));
  if (!file) {
    console.error('usage: npm run -s detect -- FILE.html|FILE.txt [--summary]');
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }
  const ext = extname(file).toLowerCase();
  const blocks = ext === '.html' || ext === '.htm' ? blocksOfHtml(source) : blocksOfText(source);
  // --lenient: leave out invalid entries instead of failing (while the dataset is being edited).
  const index = buildIndex({ lenient: argv.includes('--lenient') });
  if (explainSurface !== undefined) {
    detectBlocks(blocks, index, undefined, (e) => {
      if (e.surface !== explainSurface) return;
      const era = e.pageYear === undefined ? 'the page names no years' : `the page is about ${e.pageYear}`;
      console.log(`block ${e.block} @${e.start} "${e.surface}" (${era}): ${e.outcome}`);
      for (const s of e.scored) {
        const span = s.span ? ` [active ${s.span[0]}-${s.span[1]}]` : '';
        console.log(`    ${s.valid ? ' ' : 'x'} ${s.id}${span} ${s.score}: ${s.why.join(', ')}`);
      }
    });
    return 0;
  }
  const result = detectBlocks(blocks, index);
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
