/**
 * A pack's passage notes: the pack author's notes on a passage of a page (a W3C TextQuoteSelector
 * with the page's address as `source`, as the notes export writes them). Shown read-only on that page,
 * labelled with the pack, apart from the reader's own notes; found by the same page key as the
 * reader's page notes (notes/model pageKey: the address without its #fragment).
 */
import { pageKey, type PassageTarget } from '../notes/model';
import { packIdOf, type PackNoteTarget, type StoredPack } from './format';

/** A pack's note on a passage of one page, as the content script anchors and shows it. */
export interface PackPassageNote {
  /** `<pack id>#<index of the note in the pack>`: stable while the pack file is the same. */
  id: string;
  packId: string;
  packTitle: string;
  text: string;
  target: PassageTarget;
}

/**
 * The target in the shape the reader's passage notes have, for core/notes/anchor. A pack may give no
 * TextPositionSelector (a teacher copies a quote, not an offset): position 0 then only breaks ties
 * between equally good places toward the first one; the quote and its context decide.
 */
export function passageTargetOf(target: PackNoteTarget): PassageTarget {
  const [quote, position] = target.selector;
  return {
    // No context is an empty one: anchorPassage then scores the quote alone.
    quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: position
      ? { type: 'TextPositionSelector', start: position.start, end: position.end }
      : { type: 'TextPositionSelector', start: 0, end: 0 },
  };
}

/**
 * The enabled packs' passage notes by page key, built once per change of the packs (with the
 * matcher's second table) so a page's question is one map lookup. Cost: linear in the packs' notes.
 */
export function packPassagesByPage(packs: readonly StoredPack[]): Map<string, PackPassageNote[]> {
  const byPage = new Map<string, PackPassageNote[]>();
  for (const stored of packs) {
    if (!stored.enabled) continue;
    const { pack } = stored;
    const packId = packIdOf(pack.title);
    pack.notes.forEach((note, i) => {
      if (!('target' in note)) return;
      const key = pageKey(note.target.source);
      const list = byPage.get(key) ?? [];
      list.push({ id: `${packId}#${i}`, packId, packTitle: pack.title, text: note.text, target: passageTargetOf(note.target) });
      byPage.set(key, list);
    });
  }
  return byPage;
}
