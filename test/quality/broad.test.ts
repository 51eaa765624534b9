/**
 * The broad quality set as a ratchet: the figures `npm run -s quality -- broad` prints may not fall
 * below today's floor (BROAD_FLOOR). The pages and their gold are in the repository, so this runs
 * everywhere.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBinary } from '../../src/core/index/binary';
import { Matcher } from '../../src/core/match/matcher';
import { buildIndex } from '../../tools/dataset/compile';
import { blocksOfText, detectBlocks } from '../../tools/dataset/detect-file';
import { BROAD_DIR, BROAD_FLOOR, BROAD_GOLD_DIR, readBroadGold, readBroadPage, scoreBroad, type BroadPageReport } from './broad-score';

let pages: BroadPageReport[];
beforeAll(() => {
  const index = buildIndex();
  const matcher = new Matcher(toBinary(index));
  const titles = new Set(index.entities.map((e) => e.wikipedia));
  pages = readdirSync(BROAD_GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((file) => {
      const gold = readBroadGold(file.replace(/\.json$/, ''));
      const page = readBroadPage(join(BROAD_DIR, gold.page));
      const { text, mentions } = detectBlocks(blocksOfText(page.body), index, matcher);
      return scoreBroad(gold.page, text, mentions, gold, titles);
    });
});

const sum = (ps: BroadPageReport[], f: (p: BroadPageReport) => number) => ps.reduce((s, p) => s + f(p), 0);

describe('the broad quality set does not get worse', () => {
  it('reads every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(37);
  });
  it('keeps recall and precision on history pages', () => {
    const history = pages.filter((p) => p.kind === 'history');
    const correct = sum(history, (p) => p.correct);
    const errors = sum(history, (p) => p.wrongLinks + p.falsePositives);
    expect(sum(history, (p) => p.notableFound) / sum(history, (p) => p.notableMentions)).toBeGreaterThanOrEqual(BROAD_FLOOR.coreRecall);
    expect(correct / (correct + errors)).toBeGreaterThanOrEqual(BROAD_FLOOR.precision);
  });
  it('keeps ordinary pages quiet and tricky mentions from going wrong', () => {
    const ordinary = pages.filter((p) => p.kind === 'ordinary');
    const perThousand = (1000 * sum(ordinary, (p) => p.wrongLinks + p.falsePositives)) / sum(ordinary, (p) => p.words);
    expect(perThousand).toBeLessThanOrEqual(BROAD_FLOOR.wrongPer1000Words);
    expect(sum(pages, (p) => p.trickyWrong)).toBeLessThanOrEqual(BROAD_FLOOR.trickyWrong);
  });
  it('gets the tricky mentions right: both figures of ./broad/README.md', () => {
    const total = sum(pages, (p) => p.trickyTotal);
    const right = sum(pages, (p) => p.trickyRight);
    const quiet = sum(pages, (p) => p.trickyQuietAbsent);
    expect(right / total).toBeGreaterThanOrEqual(BROAD_FLOOR.trickyRightStrict);
    expect((right + quiet) / total).toBeGreaterThanOrEqual(BROAD_FLOOR.trickyRightQuietAbsent);
  });
});
