/**
 * npm run -s pack -- validate FILE
 * Checks a reference pack (JSON or CSV, see docs/PACKS.md) as the extension will on import. Exit 0 and a
 * one-line summary when it is good (warnings, if any, go to stderr); exit 1 and every problem, one per
 * line ("where: what to do"), when it is not; exit 2 on a usage error or an unreadable file.
 */
import { readInput } from '../tools/read-input';
import { basename } from 'node:path';
import { problemLine } from '../src/core/packs/check';
import { packSummary, parsePack } from '../src/core/packs/parse';

function main(argv: string[]): number {
  const [command, file] = argv;
  if (command !== 'validate' || !file) {
    console.error('usage: npm run -s pack -- validate FILE.json|FILE.csv');
    return 2;
  }
  const source = readInput(file);
  if (source === undefined) return 2;
  const result = parsePack(source, basename(file));
  for (const w of result.warnings) console.error(`warning: ${problemLine(w)}`);
  if (!result.ok) {
    for (const p of result.problems) console.log(problemLine(p));
    return 1;
  }
  console.log(`ok ${packSummary(result)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
