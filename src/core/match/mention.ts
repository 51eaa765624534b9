/** A resolved name as it crosses the wire: where it is, and which entity it names or may name. */
export interface Mention {
  /** Which block of the document. */
  block: number;
  start: number;
  end: number;
  /** The linked entity's id; absent when ambiguous. */
  id?: string;
  /** Ambiguous mentions: candidate ids, most likely first. */
  candidates?: string[];
  /** Ambiguous mentions: the form's key, under which the reader's choice is remembered. */
  key?: string;
  /**
   * Linked mentions: why, as a compact code and argument ("q:FBI", see ./why); absent when the
   * name is the entity's own and no other entity has it.
   */
  why?: string;
}
