/** Word lists the resolver reads names against. */
import { NAME_PARTICLES } from '../text/particles';

/** Words that may stay lower case inside a capitalised name: the name particles, and the small words of titles ("Treaty of Brest-Litovsk", "Bread and Roses"). */
export const LOWER_OK: ReadonlySet<string> = new Set([...NAME_PARTICLES, ...'and for on in to a an und et'.split(' ')]);

/** Words that start sentences: before a surname at a sentence start they are not a first name. */
export const SENTENCE_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also although always among an and another any
as at back because before being below besides between both but by can could despite did do does during each early
either even eventually ever every except finally first for from further had has have he her here hers him his how
however i if in including indeed instead into it its just last late later like many may meanwhile might more
moreover most much my neither never nevertheless next no nor not now of often on once one only or other otherwise
our out over perhaps poor rather really shortly should similarly since so some soon still such than that the their
then there therefore these they this those though through thus to today together too under unlike until up upon
us very was we were what whatever when whenever where whereas whether which while who whom whose why will with
within without would yes yet you young old dear poor meet ask said says see sir yesterday tomorrow`.split(/\s+/),
);
