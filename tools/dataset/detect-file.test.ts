import { beforeAll, describe, expect, it } from 'vitest';
import { toBinary } from '../../src/core/index/binary';
import { compileIndex } from '../../src/core/index/compile';
import type { CompiledIndex } from '../../src/core/index/format';
import { Matcher } from '../../src/core/match/matcher';
import type { Explanation } from '../../src/core/match/resolve';
import { validateDataset } from '../../src/core/dataset/validate';
import { FIXTURE_DATA } from '../../test/fixtures/fixture-index';
import { blocksOfHtml, detectBlocks } from './detect-file';
import { loadCommonWords, readSourceFiles } from './files';

let index: CompiledIndex;
let matcher: Matcher;
beforeAll(() => {
  const { entities } = validateDataset(readSourceFiles(FIXTURE_DATA).files, loadCommonWords());
  index = compileIndex(entities, loadCommonWords());
  matcher = new Matcher(toBinary(index));
});

const PAGE = `<!doctype html><html><body>
  <nav><a href="/">Home</a> <a href="/t">Walter Krivitsky</a></nav>
  <main><p>Walter Krivitsky wrote to Trotsky.</p></main>
  <div class="reflist"><ol><li>Krivitsky, Walter (1939). In Stalin's Secret Service.</li></ol></div>
</body></html>`;

describe('the CLI reads a page as the content script does', () => {
  it('keeps chrome in the text (offsets as the notes count them) but finds names only in the article', () => {
    const blocks = blocksOfHtml(PAGE);
    expect(blocks.map((b) => b.chrome)).toEqual([true, false, true]);
    const { text, mentions } = detectBlocks(blocks, index, matcher);
    expect(text).toBe(
      "Home Walter Krivitsky\n\nWalter Krivitsky wrote to Trotsky.\n\nKrivitsky, Walter (1939). In Stalin's Secret Service.",
    );
    expect(mentions.map((m) => [text.slice(m.start, m.end), m.id])).toEqual([
      ['Walter Krivitsky', 'walter-krivitsky'],
      ['Trotsky', 'leon-trotsky'],
    ]);
    expect(mentions[0]!.start).toBe(text.indexOf('Walter Krivitsky wrote'));
  });

  it("explains in the page's block numbers, chrome blocks counted", () => {
    const seen: Explanation[] = [];
    detectBlocks(blocksOfHtml(PAGE), index, matcher, (e) => seen.push(e));
    expect(seen.filter((e) => e.surface === 'Trotsky').map((e) => e.block)).toEqual([1]);
  });

  it('reads plain strings (text files) as before: every block', () => {
    const { mentions } = detectBlocks(['Home Walter Krivitsky', 'Trotsky'], index, matcher);
    expect(mentions.map((m) => m.id)).toEqual(['walter-krivitsky', 'leon-trotsky']);
  });
});
