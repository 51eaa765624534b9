/**
 * Compiles dataset entities into the index the matcher loads: every surface form folded to a key,
 * plus the forms derived from people's names (surname, first name) and from acronyms (N.K.V.D.,
 * MI-5), each flagged with how much context it needs. Runs at build time (Node), about 100 ms.
 */
import type { Entity } from '../dataset/types';
import { nameKey, tokenize } from '../text/tokens';
import { NAME_PARTICLES } from '../text/particles';
import { TITLES } from '../text/titles';
import { FormFlag, INDEX_VERSION, type CardEntity, type CompiledIndex } from './format';

/** Name particles, suffixes and prefixes that never stand alone as a surname or first name. */
const NOT_A_NAME: ReadonlySet<string> = new Set([...NAME_PARTICLES, ...'jr sr ii iii iv st saint mac ben'.split(' ')]);

const ACRONYM = /^[A-Z][A-Z0-9&]{1,7}$/;

function cardOf(e: Entity): CardEntity {
  const { aliases: _aliases, cues: _cues, places: _places, ...card } = e;
  return card;
}

/** Spaced variants of an acronym: "NKVD" -> "n k v d" (N.K.V.D.), "MI5" -> "mi 5" (MI-5). */
function acronymVariants(form: string): string[] {
  const out: string[] = [];
  const letters = form.toLowerCase();
  if (/^[a-z]+$/.test(letters) && letters.length <= 6) out.push(letters.split('').join(' '));
  const split = letters.replace(/([a-z])(\d)/g, '$1 $2').replace(/(\d)([a-z])/g, '$1 $2');
  if (split !== letters) out.push(split);
  return out;
}

/** A regnal number after a name ("Louis XIV", "Urban II"): never a surname. */
const REGNAL = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)$/;

/**
 * Surname and first-name tokens of a person's full name ("Joseph Leroy Hansen" -> hansen, joseph).
 * The place of an "X of Place" name is no surname ("Leopold II of Belgium" gives no "Belgium": the
 * country keeps its own name), nor is a regnal number; a ruler's one name before them is their first
 * name; a styled name's title after a comma is neither ("Pope Urban II" -> urban, "Emperor Wu of Han" -> wu). A titled one-word name without them
 * ("General Franco") may be a surname, so it gives neither.
 */
export function nameParts(fullName: string): { surname?: string; first?: string } {
  // A styled name "Franz Ferdinand, Archduke of Austria": the name is before the comma.
  const comma = fullName.indexOf(',');
  const all = tokenize(comma === -1 ? fullName : fullName.slice(0, comma)).map((t) => t.key);
  // Leading titles are not first names: "Senator Joseph McCarthy" gives joseph, mccarthy.
  while (all.length > 2 && TITLES.has(all[0]!)) all.shift();
  if (TITLES.has(all[0]!)) return {};
  const of = all.indexOf('of');
  const head = of > 0 ? all.slice(0, of) : all;
  let regnal = of > 0 || comma !== -1;
  const words = head.filter((k, i) => {
    if (i > 0 && REGNAL.test(k)) return !(regnal = true);
    return !NOT_A_NAME.has(k);
  });
  if (words.length === 0) return {};
  const first = words[0]!;
  if (words.length === 1) return regnal && first.length > 1 ? { first } : {};
  const surname = words[words.length - 1]!;
  return { surname: surname.length > 1 ? surname : undefined, first: first.length > 1 ? first : undefined };
}

export function compileIndex(entities: readonly Entity[], commonWords: ReadonlySet<string>): CompiledIndex {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  /** key -> entityIndex -> flags (the smallest flags win: an explicit alias beats a derived form). */
  const forms = new Map<string, Map<number, number>>();
  const add = (key: string, index: number, flags: number): void => {
    // Years and decades ("1960s") are never names to link, even where an entity is named so.
    if (key === '' || /^\d+s?$/.test(key)) return;
    let byEntity = forms.get(key);
    if (!byEntity) forms.set(key, (byEntity = new Map()));
    const prev = byEntity.get(index);
    if (prev === undefined || flags < prev) byEntity.set(index, flags);
  };
  const cues: Record<number, string[]> = {};

  sorted.forEach((e, index) => {
    const explicit = [e.name, ...(e.aliases ?? [])];
    for (const form of explicit) {
      const key = nameKey(form);
      let flags = 0;
      if (!key.includes(' ') && commonWords.has(key)) flags |= FormFlag.CommonWord;
      if (/\p{Ll}\p{Lu}/u.test(form) && !ACRONYM.test(form)) flags |= FormFlag.MixedCase;
      if (ACRONYM.test(form)) {
        flags |= FormFlag.Acronym;
        for (const variant of acronymVariants(form)) add(variant, index, flags);
      }
      add(key, index, flags);
    }
    for (const form of e.eraNames ?? []) add(nameKey(form), index, FormFlag.EraBound);
    if (e.type === 'person') {
      // When the dataset lists the surname alone as a form (Gorbachev), history writing uses it alone,
      // so other spellings of that surname (Mikhail Gorbachov -> Gorbachov) stand alone too; a
      // pseudonym's surname (Eugene Dennis alias Tim Ryan -> Ryan) does not.
      const mainSurname = nameParts(e.name).surname;
      const surnameStandsAlone = mainSurname !== undefined && explicit.some((f) => nameKey(f) === mainSurname);
      for (const form of explicit) {
        if (!form.trim().includes(' ')) continue;
        const { surname, first } = nameParts(form);
        const common = (k: string) => (commonWords.has(k) ? FormFlag.CommonWord : 0);
        const variant = surnameStandsAlone && surname !== undefined && editDistance(surname, mainSurname!) <= 2;
        if (surname) add(surname, index, (variant ? 0 : FormFlag.Surname) | common(surname));
        if (first) add(first, index, FormFlag.FirstName | common(first));
      }
    }
    if (e.cues && e.cues.length > 0) cues[index] = e.cues.map((c) => nameKey(c));
  });

  const keys = [...forms.keys()].sort();
  const values = keys.map((key) => {
    const flat: number[] = [];
    for (const [index, flags] of forms.get(key)!) flat.push(index, flags);
    return flat;
  });
  const indexById = new Map(sorted.map((e, i) => [e.id, i]));
  const links: number[] = [];
  sorted.forEach((e, i) => {
    for (const r of e.related ?? []) {
      const j = indexById.get(r.id);
      if (j !== undefined) links.push(i, j);
    }
  });
  return { version: INDEX_VERSION, entities: sorted.map(cardOf), cues, links, forms: { keys, values } };
}

/** Levenshtein distance, for telling spellings of one surname from different names. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
