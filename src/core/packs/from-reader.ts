/**
 * A pack made from what the reader tracked and noted: their tracked names become entities, their
 * notes on entities become the pack's notes, and a bundled or pack entity they noted comes along by
 * name, type and Wikipedia title (so the notes land on the same card when the pack is imported).
 */
import type { EntityType } from '../dataset/types';
import type { EntityNote } from '../notes/model';
import type { PersonalEntity } from '../personal';
import { foldKey } from '../text/fold';
import { PACK_FORMAT_VERSION, PACK_LIMITS, type Pack, type PackEntity, type PackNote } from './format';

/** What the export needs to know of an entity the reader noted. */
export interface NotedEntity {
  id: string;
  name: string;
  type: EntityType;
  wikipedia?: string;
}

export function packFromReader(input: {
  title: string;
  author?: string;
  personal: readonly PersonalEntity[];
  notes: readonly EntityNote[];
  /** Entities the notes are on (bundled or from packs), by id; notes on entities not here are left out. */
  noted: ReadonlyMap<string, NotedEntity>;
}): Pack {
  const entities: PackEntity[] = [];
  const nameOfId = new Map<string, string>();
  const names = new Set<string>();
  const add = (id: string, e: PackEntity) => {
    // Names are unique in a pack: a second entity with a name already taken is left out.
    if (names.has(foldKey(e.name))) return;
    names.add(foldKey(e.name));
    nameOfId.set(id, e.name);
    entities.push(e);
  };
  const sortedPersonal = [...input.personal].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  for (const p of sortedPersonal) {
    const aliases = [...new Set(p.aliases.map((a) => a.trim()).filter((a) => a.length > 1))];
    add(p.id, {
      name: p.name.trim(),
      type: p.type,
      ...(aliases.length ? { aliases } : {}),
      ...(p.description.trim() ? { description: p.description.trim().slice(0, PACK_LIMITS.description) } : {}),
    });
  }
  const notes: PackNote[] = [];
  const sortedNotes = [...input.notes].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  for (const n of sortedNotes) {
    const text = n.text.trim().slice(0, PACK_LIMITS.noteText);
    if (!text) continue;
    if (!nameOfId.has(n.entityId)) {
      const e = input.noted.get(n.entityId);
      if (!e) continue;
      add(e.id, { name: e.name, type: e.type, ...(e.wikipedia ? { wikipedia: e.wikipedia } : {}) });
    }
    const name = nameOfId.get(n.entityId);
    if (name) notes.push({ entity: name, text });
  }
  return {
    dramatisPack: PACK_FORMAT_VERSION,
    title: input.title.slice(0, PACK_LIMITS.title),
    ...(input.author ? { author: input.author } : {}),
    entities,
    notes,
  };
}
