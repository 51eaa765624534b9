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

export function blocksOfHtml(html: string): string[] {
  const { document } = parseHTML(html);
  return extractBlocks((document.body ?? document.documentElement) as unknown as DomNode).map((b) => b.text);
}

/** Plain text: paragraphs are separated by blank lines; a single line break stays inside a block. */
export function blocksOfText(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/).filter((b) => /[\p{L}\p{N}]{2}/u.test(b));
}

export function detectBlocks(
  blocks: string[],
  index: CompiledIndex,
  matcher = new Matcher(toBinary(index)),
  explain?: (e: Explanation) => void,
  /** Entities of a second table (packs) and the pack titles by entity id. */
  extra: { entities: readonly CardEntity[]; packsOf: ReadonlyMap<string, string[]> } = { entities: [], packsOf: new Map() },
): { text: string; mentions: CliMention[] } {
  const { text, starts } = joinBlocks(blocks);
  const byId = new Map([...index.entities, ...extra.entities].map((e) => [e.id, e]));
  const packs = (id: string) => (extra.packsOf.has(id) ? { packs: extra.packsOf.get(id)! } : {});
  const mentions = resolveDocument(blocks, matcher, { explain }).mentions.map((m): CliMention => {
    const start = starts[m.block]! + m.start;
    const end = starts[m.block]! + m.end;
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
