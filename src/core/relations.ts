/**
 * How a relation reads on each end's card: "Ignace Reiss friend_of Walter Krivitsky" reads
 * "friend of Walter Krivitsky" on Reiss's card and "friend of Ignace Reiss" on Krivitsky's.
 */
import type { Relation } from './dataset/types';

/** [as seen from the entity that declares it, as seen from the other end]. */
export const RELATION_PHRASES: Record<Relation, [string, string]> = {
  member_of: ['member of', 'had as a member'],
  led: ['led', 'led by'],
  founded: ['founded', 'founded by'],
  friend_of: ['friend of', 'friend of'],
  spouse_of: ['married to', 'married to'],
  parent_of: ['parent of', 'child of'],
  child_of: ['child of', 'parent of'],
  sibling_of: ['sibling of', 'sibling of'],
  killed: ['killed', 'killed by'],
  participant_in: ['took part in', 'involved'],
  part_of: ['part of', 'includes'],
  successor_of: ['succeeded', 'succeeded by'],
  predecessor_of: ['preceded', 'preceded by'],
  ally_of: ['ally of', 'ally of'],
  rival_of: ['rival of', 'rival of'],
  opponent_of: ['opponent of', 'opposed by'],
  colleague_of: ['colleague of', 'colleague of'],
  secretary_of: ['secretary to', 'had as secretary'],
  bodyguard_of: ['bodyguard of', 'guarded by'],
  handler_of: ['handler of', 'handled by'],
  agent_of: ['agent of', 'had as an agent'],
  author_of: ['author of', 'written by'],
  written_by: ['written by', 'author of'],
  located_in: ['in', 'contains'],
  capital_of: ['capital of', 'has as capital'],
  signed: ['signed', 'signed by'],
  signatory_of: ['signatory of', 'signed by'],
  influenced: ['influenced', 'influenced by'],
  student_of: ['student of', 'teacher of'],
  teacher_of: ['teacher of', 'student of'],
  served: ['served', 'served by'],
  employed_by: ['worked for', 'employer of'],
  testified_before: ['testified before', 'heard testimony from'],
  defected_from: ['defected from', 'defected from by'],
  recruited: ['recruited', 'recruited by'],
  investigated: ['investigated', 'investigated by'],
  prosecuted: ['prosecuted', 'prosecuted by'],
  victim_of: ['victim of', 'victims include'],
  relative_of: ['relative of', 'relative of'],
};

export interface RelationLine {
  id: string;
  name: string;
  type: string;
  phrase: string;
  onPage: boolean;
}

/**
 * The relations to show on a card: both directions, one line per other entity, those also on the
 * page first, then the rest in dataset order, at most `limit`.
 */
export function relationLines(
  id: string,
  own: readonly { id: string; relation: Relation }[],
  incoming: readonly { from: string; relation: Relation }[],
  lookup: (id: string) => { name: string; type: string } | undefined,
  onPage: ReadonlySet<string>,
  limit = 6,
): RelationLine[] {
  const lines = new Map<string, RelationLine>();
  const add = (other: string, phrase: string) => {
    if (other === id || lines.has(other)) return;
    const e = lookup(other);
    if (e) lines.set(other, { id: other, name: e.name, type: e.type, phrase, onPage: onPage.has(other) });
  };
  for (const r of own) add(r.id, RELATION_PHRASES[r.relation]?.[0] ?? r.relation.replace(/_/g, ' '));
  for (const r of incoming) add(r.from, RELATION_PHRASES[r.relation]?.[1] ?? r.relation.replace(/_/g, ' '));
  const all = [...lines.values()];
  return [...all.filter((l) => l.onPage), ...all.filter((l) => !l.onPage)].slice(0, limit);
}
