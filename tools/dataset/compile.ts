/** Validates the dataset and compiles it into the index the extension ships (build and CLI share this). */
import { compileIndex } from '../../src/core/index/compile';
import type { CompiledIndex } from '../../src/core/index/format';
import { loadCommonWords, loadDataset } from './files';

export class DatasetError extends Error {}

/** The compiled index; throws DatasetError listing every problem when the dataset is not valid. */
export function buildIndex(options: { lenient?: boolean } = {}): CompiledIndex {
  const result = loadDataset();
  if (result.problems.length > 0 && !options.lenient) {
    const lines = result.problems.slice(0, 40).map((p) => `  ${p.file}: ${p.id ? `${p.id}: ` : ''}${p.problem}`);
    const more = result.problems.length > 40 ? `\n  ... and ${result.problems.length - 40} more` : '';
    throw new DatasetError(
      `the dataset has ${result.problems.length} problem(s); run "npm run -s dataset -- validate":\n${lines.join('\n')}${more}`,
    );
  }
  // Lenient (watch mode while editing data): invalid entries are already left out by the validator,
  // but a dangling related id would break cards, so those links are dropped.
  const ids = new Set(result.entities.map((e) => e.id));
  const entities = result.entities.map((e) => (e.related ? { ...e, related: e.related.filter((r) => ids.has(r.id)) } : e));
  return compileIndex(entities, loadCommonWords());
}
