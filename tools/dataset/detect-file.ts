/** The CLI's detection: the content script's extraction (over linkedom) and the same matcher. */
import { toBinary } from '../../src/core/index/binary';
import { parseHTML } from 'linkedom';
import { extractBlocks, joinBlocks, type DomNode } from '../../src/core/extract';
import type { CardEntity, CompiledIndex } from '../../src/core/index/format';
import { Matcher } from '../../src/core/match/matcher';
import { resolveDocument, type Explanation } from '../../src/core/match/resolve';

export interface CliMention {
  start: number;
  end: number;
  id?: string;
  name?: string;
  type?: string;
  wikipedia?: string;
  candidates?: { id: string; name: string; type: string; wikipedia: string }[];
  /** With --pack: the titles of the packs that name this entity. */
  packs?: string[];
}

/** A block of page text; `chrome`: page chrome (menus, sidebars, reference lists), in the text but not read for names. */
export interface TextBlock {
  text: string;
  chrome?: boolean;
}

/** The page's blocks as the content script extracts them, chrome flagged (src/core/extract.ts). */
export function blocksOfHtml(html: string): TextBlock[] {
  const { document } = parseHTML(html);
  return extractBlocks((document.body ?? document.documentElement) as unknown as DomNode).map((b) => ({ text: b.text, chrome: b.chrome }));
}

/** Plain text: paragraphs are separated by blank lines; a single line break stays inside a block. */
export function blocksOfText(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/).filter((b) => /[\p{L}\p{N}]{2}/u.test(b));
}

/**
 * Detection over a page's blocks, as the content script does it: every block is in `text` (so offsets
 * count as the notes' page text does), but chrome blocks are neither resolved nor context for the rest.
 */
export function detectBlocks(
  blocks: readonly (string | TextBlock)[],
  index: CompiledIndex,
  matcher = new Matcher(toBinary(index)),
  explain?: (e: Explanation) => void,
  /** Entities of a second table (packs) and the pack titles by entity id. */
  extra: { entities: readonly CardEntity[]; packsOf: ReadonlyMap<string, string[]> } = { entities: [], packsOf: new Map() },
): { text: string; mentions: CliMention[] } {
  const { text, starts } = joinBlocks(blocks.map((b) => (typeof b === 'string' ? b : b.text)));
  // read[i]: the index in `blocks` of the i-th block the resolver reads.
  const read = blocks.flatMap((b, i) => (typeof b !== 'string' && b.chrome ? [] : [i]));
  const byId = new Map([...index.entities, ...extra.entities].map((e) => [e.id, e]));
  const packs = (id: string) => (extra.packsOf.has(id) ? { packs: extra.packsOf.get(id)! } : {});
  const readTexts = read.map((i) => blocks[i]!).map((b) => (typeof b === 'string' ? b : b.text));
  const explainInPage = explain && ((e: Explanation) => explain({ ...e, block: read[e.block]! }));
  const mentions = resolveDocument(readTexts, matcher, { explain: explainInPage }).mentions.map((m): CliMention => {
    const start = starts[read[m.block]!]! + m.start;
    const end = starts[read[m.block]!]! + m.end;
    if (m.id) {
      const e = byId.get(m.id)!;
      return { start, end, id: e.id, name: e.name, type: e.type, wikipedia: e.wikipedia, ...packs(e.id) };
    }
    return {
      start,
      end,
      candidates: (m.candidates ?? []).map((id) => {
        const e = byId.get(id)!;
        return { id, name: e.name, type: e.type, wikipedia: e.wikipedia };
      }),
    };
  });
  return { text, mentions };
}
