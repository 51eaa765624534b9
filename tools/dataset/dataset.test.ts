/** The bundled dataset itself: valid, large enough, canonical layout, and under its size budget. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES } from '../../src/core/dataset/types';
import { describe, expect, it } from 'vitest';
import { encodeIndex } from '../../src/core/index/binary';
import { compileIndex } from '../../src/core/index/compile';
import { cardShards } from '../../src/core/index/format';
import { formatSourceFile, loadCommonWords, loadDataset, readmeWithCount, readSourceFiles } from './files';
import { DATA_DIR, ROOT } from '../paths';

describe('the reference dataset', () => {
  const result = loadDataset();
  it('validates with no problems', () => {
    expect(result.problems).toEqual([]);
  });
  it('holds at least 3,000 entities in all, and at least 300 of every type', () => {
    expect(result.entities.length).toBeGreaterThanOrEqual(3000);
    for (const type of ENTITY_TYPES) expect(result.entities.filter((e) => e.type === type).length, type).toBeGreaterThanOrEqual(300);
  });
  it('is kept in the canonical layout (npm run -s dataset -- format)', () => {
    for (const f of readSourceFiles(DATA_DIR).files) {
      expect(readFileSync(join(ROOT, f.file), 'utf8'), f.file).toBe(formatSourceFile(f.data as Parameters<typeof formatSourceFile>[0]));
    }
  });
  it('is counted right in the README (npm run -s dataset -- readme)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('<!-- entity-count -->');
    expect(readmeWithCount(readme, result.entities.length)).toBe(readme);
  });
  it('ships at most 300 bytes per entity (binary index and card shards, uncompressed)', () => {
    const compiled = compileIndex(result.entities, loadCommonWords());
    const shipped =
      encodeIndex(compiled).byteLength +
      cardShards(compiled.entities).reduce((n, shard) => n + Buffer.byteLength(JSON.stringify(shard)), 0);
    expect(shipped / result.entities.length).toBeLessThanOrEqual(300);
  });
});
