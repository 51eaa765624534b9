/** The fixture dataset compiled as the build would, for matcher and resolver tests. */
import { join } from 'node:path';
import { compileIndex } from '../../src/core/index/compile';
import { Matcher } from '../../src/core/match/matcher';
import { loadCommonWords, readSourceFiles } from '../../tools/dataset/files';
import { validateDataset } from '../../src/core/dataset/validate';

export const FIXTURE_DATA = join(import.meta.dirname, '..', 'fixtures', 'dataset');

export function fixtureMatcher(): Matcher {
  const { files } = readSourceFiles(FIXTURE_DATA);
  const result = validateDataset(files, loadCommonWords());
  if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
  return new Matcher(compileIndex(result.entities, loadCommonWords()));
}
