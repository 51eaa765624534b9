/**
 * The faster scan and matcher find exactly what main's did at 9f0b43c (frozen in ./matcher-reference):
 * the same tokens (offsets, hashes, folded lengths, flags) and the same candidates (offsets, tokens,
 * key, entries), block by block, over the real post, the demo post, the broad quality pages and a text
 * of awkward shapes against the real dataset, and over the bench's synthetic 100,000 entities with
 * their names sprinkled through the post (scripts/bench/corpus.ts, as `npm run bench` measures).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBinary, type BinaryIndex } from '../../src/core/index/binary';
import { compileIndex } from '../../src/core/index/compile';
import { Matcher } from '../../src/core/match/matcher';
import { scan } from '../../src/core/text/scan';
import { corpus } from '../../scripts/bench/corpus';
import { keysOf, syntheticEntities } from '../../scripts/bench/synthetic';
import { buildIndex } from '../../tools/dataset/compile';
import { blocksOfHtml, blocksOfText } from '../../tools/dataset/detect-file';
import { loadCommonWords, loadDataset } from '../../tools/dataset/files';
import { DEMO_DIR, REAL_POST, SHARED_MISSING, SHARED_PAGES, sharedRequired } from '../../tools/paths';
import { BROAD_DIR, BROAD_GOLD_DIR, readBroadGold, readBroadPage } from './broad-score';
import { referenceCandidates } from './matcher-reference/matcher-9f0b43c';
import { scan as referenceScan } from './matcher-reference/scan-9f0b43c';

/** TokenScan's flag bit for a token whose text is plain ASCII (private to scan.ts). */
const ASCII_BIT = 2;
const realPostPath = join(SHARED_PAGES, REAL_POST);
const hasRealPost = existsSync(realPostPath);

/** Shapes the scan treats specially: diacritics, ligatures, CJK, apostrophes, possessives, initials, invisible characters. */
const AWKWARD = [
  "Léon Trotsky’s and LEON TROTSKY`s house; Trotsky's, Trotskys' and O’Brien’s: J. Edgar Hoover of the F.B.I. met N.K.V.D. men.",
  'St. Louis, Mt. Vernon, Ft. Sumter. The Saturday Evening Post; the Saturday Evening Post. Walter Krivitsky—Ignace Reiss–Stalin.',
  'Straße, Œuvre, Łódź, Ærø, Þingvellir, İstanbul, Ħal Far; soft\u00adhyphen Trot\u00adsky, zero\u200bwidth, Leon\u00a0Trotsky.',
  '托洛茨基Leon Trotsky在墨西哥, 東京Tokyo。ソ連 and 한국어 text; Moscow… Paris! Berlin? «Madrid» (Barcelona) [Valencia] /Coyoacán/',
  "rock 'n' roll, ''quoted'', 'Mexico City', don't, ’s, 's, x's, d'Annunzio, l’Humanité, 1939's 12,000 men in 1940–41.",
  '𝐁𝐨𝐥𝐝 math letters, emoji 🙂 Trotsky 🙂, combining e\u0301 Le\u0301on, dotless ı, ﬁnal ligature, full-width Ｔｒｏｔｓｋｙ．',
];

/** Blocks where the two implementations differ, with both answers, at most `limit`. */
function differences(index: BinaryIndex, blocks: readonly string[], limit = 3) {
  const matcher = new Matcher(index);
  const out: { block: number; text: string; ours: unknown; reference: unknown }[] = [];
  let candidates = 0;
  let tokens = 0;
  blocks.forEach((text, block) => {
    const ours = scan(text);
    const theirs = referenceScan(text);
    tokens += theirs.count;
    const fields = ['starts', 'ends', 'hashes', 'lengths'] as const;
    let sameScan =
      ours.count === theirs.count &&
      fields.every((f) => ours[f].subarray(0, ours.count).join() === theirs[f].subarray(0, theirs.count).join());
    for (let t = 0; sameScan && t < ours.count; t++) {
      // The break and sentence bits are the same. The ASCII bit now also marks "Trotsky" in
      // "Trotsky’s" and "Part" before an em dash (a non-ASCII character outside the token cleared
      // it before): it must be set exactly when the token's text is ASCII.
      const surface = text.slice(ours.starts[t], ours.ends[t]);
      const isAscii = [...surface].every((ch) => ch.charCodeAt(0) < 128);
      sameScan = (ours.breaks[t]! & ~ASCII_BIT) === (theirs.breaks[t]! & ~ASCII_BIT) && ours.isAscii(t) === isAscii;
      if (theirs.isAscii(t)) sameScan &&= ours.isAscii(t);
    }
    const found = matcher.candidates(text);
    const expected = referenceCandidates(index, text);
    candidates += expected.length;
    if ((!sameScan || JSON.stringify(found) !== JSON.stringify(expected)) && out.length < limit) {
      out.push({
        block,
        text: text.slice(0, 200),
        ours: sameScan ? found : { count: ours.count },
        reference: sameScan ? expected : { count: theirs.count },
      });
    }
  });
  return { out, candidates, tokens };
}

describe('the scan and matcher find what main (9f0b43c) found', () => {
  let real: BinaryIndex;
  beforeAll(() => {
    real = toBinary(buildIndex());
  });

  it.skipIf(!hasRealPost && !sharedRequired())(
    `the real post, against the real dataset${hasRealPost ? '' : ` (skipped: ${SHARED_MISSING})`}`,
    () => {
      const blocks = blocksOfHtml(readFileSync(realPostPath, 'utf8')).map((b) => b.text);
      const { out, candidates, tokens } = differences(real, blocks);
      console.log(`real post: ${blocks.length} blocks, ${tokens} tokens, ${candidates} candidates`);
      expect(out).toEqual([]);
      // The post names hundreds of things: an empty comparison would prove nothing.
      expect(candidates).toBeGreaterThan(1000);
      expect(tokens).toBeGreaterThan(4000);
    },
  );

  it('the demo post, the broad quality pages and awkward shapes, against the real dataset', () => {
    const blocks = [...blocksOfHtml(readFileSync(join(DEMO_DIR, 'defectors-1937.html'), 'utf8')).map((b) => b.text), ...AWKWARD];
    for (const file of readdirSync(BROAD_GOLD_DIR).filter((f) => f.endsWith('.json'))) {
      const gold = readBroadGold(file.replace(/\.json$/, ''));
      blocks.push(...blocksOfText(readBroadPage(join(BROAD_DIR, gold.page)).body));
    }
    const { out, candidates } = differences(real, blocks);
    console.log(`demo, broad pages and awkward shapes: ${blocks.length} blocks, ${candidates} candidates`);
    expect(out).toEqual([]);
    expect(candidates).toBeGreaterThan(1000);
  });

  it.skipIf(!hasRealPost && !sharedRequired())(
    'the bench corpus against the synthetic 100,000 entities',
    () => {
      const entities = loadDataset().entities;
      const avoid = keysOf(entities);
      const synthetic = syntheticEntities(100_000, 42, { avoid });
      const index = toBinary(compileIndex(synthetic, loadCommonWords()));
      const post = blocksOfHtml(readFileSync(realPostPath, 'utf8')).map((b) => b.text);
      // The first quarter of the 2 MB bench corpus: every block of the post with names sprinkled in, several times over.
      const blocks = corpus(
        post,
        synthetic.slice(0, 5000).map((e) => e.name),
      ).slice(0, post.length * 4);
      const { out, candidates } = differences(index, blocks);
      console.log(`synthetic 100,000: ${blocks.length} blocks, ${candidates} candidates`);
      expect(out).toEqual([]);
      expect(candidates).toBeGreaterThan(1000);
    },
    400_000,
  );
});
