/** The JSON pack format: parsed and checked whole, every problem with its JSON path (docs/PACKS.md). */
import { checkEntity, checkPack, checkTarget, coordinates, describe, Problems, sizeProblem, text, type PackResult } from './check';
import { say, sayCount, sayNumber } from '../text/say';
import { PACK_FORMAT_VERSION, PACK_LIMITS, type Pack, type PackEntity, type PackNote } from './format';

const TOP_FIELDS = ['dramatisPack', 'title', 'author', 'description', 'version', 'entities', 'notes'];
const ENTITY_FIELDS = ['name', 'type', 'aliases', 'description', 'born', 'died', 'start', 'end', 'wikipedia', 'url', 'coords', 'related'];
const NOTE_FIELDS = ['entity', 'wikipedia', 'target', 'text'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownFields(o: Record<string, unknown>, known: string[], where: string, p: Problems): void {
  for (const k of Object.keys(o)) if (!known.includes(k)) p.warn(where ? `${where}.${k}` : k, say('packUnknownField', k));
}

/** Where JSON.parse stopped, as a line and column a text editor shows. */
function syntaxProblem(source: string, message: string): string {
  const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
  if (/end of JSON input/i.test(message)) return say('packJsonEndsTooSoon');
  if (Number.isNaN(position)) return say('packJsonInvalid', message.slice(0, 120));
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return say('packJsonInvalidAt', line, column);
}

/** Reads a JSON pack; all or nothing (see PackResult). */
export function parseJsonPack(source: string): PackResult {
  const p = new Problems();
  const done = (pack?: Pack): PackResult =>
    pack && p.errors.length === 0 ? { ok: true, pack, warnings: p.warnings } : { ok: false, problems: p.errors, warnings: p.warnings };
  if (sizeProblem(source, p)) return done();
  const body = source.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    p.error('file', say('packFileEmpty'));
    return done();
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    p.error('file', syntaxProblem(body, err instanceof Error ? err.message : String(err)));
    return done();
  }
  if (!isObj(data)) {
    p.error('file', say('packNotAnObject'));
    return done();
  }
  if (data.dramatisPack === undefined) {
    p.error('dramatisPack', say('packNotAPack'));
    return done();
  }
  if (typeof data.dramatisPack === 'number' && data.dramatisPack > PACK_FORMAT_VERSION) {
    p.error('dramatisPack', say('packNewerFormat', data.dramatisPack, PACK_FORMAT_VERSION));
    return done();
  }
  if (data.dramatisPack !== PACK_FORMAT_VERSION) p.error('dramatisPack', say('packFormatNumber', PACK_FORMAT_VERSION));
  unknownFields(data, TOP_FIELDS, '', p);
  const title = text(data.title, PACK_LIMITS.title, 'title', p, say('packWhatTitle'));
  if (title === undefined && (data.title === undefined || data.title === '')) p.error('title', say('packTitleMissing'));
  const author = text(data.author, PACK_LIMITS.author, 'author', p, say('packWhatAuthor'));
  const description = text(data.description, PACK_LIMITS.packDescription, 'description', p, say('packWhatDescription'));
  const version = text(
    typeof data.version === 'number' ? String(data.version) : data.version,
    PACK_LIMITS.version,
    'version',
    p,
    say('packWhatVersion'),
  );

  const entities: PackEntity[] = [];
  if (!Array.isArray(data.entities)) p.error('entities', say('packEntitiesNotList', describe(data.entities)));
  else if (data.entities.length > PACK_LIMITS.entities)
    p.error('entities', sayCount('packTooManyEntities', data.entities.length, sayNumber(PACK_LIMITS.entities)));
  else
    data.entities.forEach((raw: unknown, i) => {
      const where = `entities[${i}]`;
      if (!isObj(raw)) {
        p.error(where, say('packEntityNotObject', describe(raw)));
        return;
      }
      unknownFields(raw, ENTITY_FIELDS, where, p);
      let coords: [number, number] | undefined;
      if (raw.coords !== undefined && raw.coords !== null) {
        if (!Array.isArray(raw.coords) || raw.coords.length !== 2) p.error(`${where}.coords`, say('packCoordsShape'));
        else coords = coordinates(raw.coords[0], raw.coords[1], `${where}.coords[0]`, `${where}.coords[1]`, p);
      }
      const entity = checkEntity({ values: raw, at: (field) => `${where}.${field}`, coords }, p);
      if (entity) entities.push(entity);
    });

  const notes: PackNote[] = [];
  const noteAt: number[] = [];
  if (data.notes !== undefined && !Array.isArray(data.notes)) p.error('notes', say('packNotesNotList', describe(data.notes)));
  else if (Array.isArray(data.notes) && data.notes.length > PACK_LIMITS.notes)
    p.error('notes', sayCount('packTooManyNotes', data.notes.length, sayNumber(PACK_LIMITS.notes)));
  else
    ((data.notes as unknown[] | undefined) ?? []).forEach((raw, i) => {
      const where = `notes[${i}]`;
      if (!isObj(raw)) {
        p.error(where, say('packNoteNotObject'));
        return;
      }
      unknownFields(raw, NOTE_FIELDS, where, p);
      const noteText = text(raw.text, PACK_LIMITS.noteText, `${where}.text`, p, say('packWhatNote'));
      if (noteText === undefined && (raw.text === undefined || (typeof raw.text === 'string' && raw.text.trim() === '')))
        p.error(`${where}.text`, say('packNoteNoText'));
      const kinds = ['entity', 'wikipedia', 'target'].filter((k) => raw[k] !== undefined);
      if (kinds.length !== 1) {
        p.error(where, say('packNoteOnWhat'));
        return;
      }
      let note: PackNote | undefined;
      if (kinds[0] === 'target') note = checkTarget(raw.target, `${where}.target`, p);
      else {
        const on = text(raw[kinds[0]!], PACK_LIMITS.name, `${where}.${kinds[0]}`, p, say('packWhatName'));
        if (on) note = kinds[0] === 'entity' ? { entity: on, text: '' } : { wikipedia: on, text: '' };
        else p.error(`${where}.${kinds[0]}`, say('packNoteWhichEntity'));
      }
      if (note && noteText) {
        notes.push({ ...note, text: noteText });
        noteAt.push(i);
      }
    });

  if (p.errors.length > 0 || !title) return done();
  const pack: Pack = {
    dramatisPack: PACK_FORMAT_VERSION,
    title,
    ...(author ? { author } : {}),
    ...(description ? { description } : {}),
    ...(version ? { version } : {}),
    entities,
    notes,
  };
  checkPack(
    pack,
    p,
    (i, field) => `entities[${i}].${field}`,
    (i, field) => `notes[${noteAt[i]}].${field}`,
  );
  return done(pack);
}

/** A pack as a JSON file: the fields in the documented order, two-space indents, a final newline. */
export function serializeJsonPack(pack: Pack): string {
  const ordered: Pack = {
    dramatisPack: PACK_FORMAT_VERSION,
    title: pack.title,
    ...(pack.author ? { author: pack.author } : {}),
    ...(pack.description ? { description: pack.description } : {}),
    ...(pack.version ? { version: pack.version } : {}),
    entities: pack.entities.map((e) => {
      const out: Record<string, unknown> = {};
      for (const k of ENTITY_FIELDS) if (e[k as keyof PackEntity] !== undefined) out[k] = e[k as keyof PackEntity];
      return out as unknown as PackEntity;
    }),
    notes: pack.notes,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
