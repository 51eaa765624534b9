/**
 * The CSV pack format, for packs made in a spreadsheet (docs/PACKS.md): UTF-8, a header row naming
 * the columns in any order, one entity a row. Problems name the row and column as the spreadsheet
 * shows them (row 1 is the file's first line).
 */
import { checkEntity, checkPack, coordinates, Problems, sizeProblem, type PackResult } from './check';
import { say, sayCount, sayNumber } from '../text/say';
import { PACK_FORMAT_VERSION, PACK_LIMITS, type Pack, type PackEntity, type PackNote } from './format';

/** The documented columns; `note` (the pack author's note on the entity) is the one beyond the list. */
export const CSV_COLUMNS = [
  'name',
  'type',
  'aliases',
  'description',
  'born',
  'died',
  'start',
  'end',
  'wikipedia',
  'url',
  'lat',
  'lon',
  'note',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const META = ['title', 'author', 'description', 'version'] as const;

export interface CsvRecord {
  cells: string[];
  /** The line the record starts on (1-based); a quoted cell may hold line breaks. */
  line: number;
}

/**
 * RFC 4180: cells separated by commas, records by CRLF or LF; a cell in double quotes may hold
 * commas, line breaks and doubled quotes (""). A byte order mark is skipped. A quote inside an
 * unquoted cell is kept as written, as spreadsheets do. One pass, O(length).
 */
export function parseCsv(source: string): { records: CsvRecord[]; unclosedQuoteAt?: number } {
  const s = source.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedStart = -1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ cells, line: recordLine });
    cells = [];
    cell = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (cell === '' && c === '"' && quotedStart === -1) {
      // A quoted cell: read to its closing quote.
      quotedStart = line;
      i++;
      for (;;) {
        if (i >= s.length) return { records, unclosedQuoteAt: quotedStart };
        const q = s[i]!;
        if (q === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        // A line break inside a cell is kept as \n, whichever the file used.
        if (q !== '\r' || s[i + 1] !== '\n') cell += q === '\r' ? '\n' : q;
        i++;
      }
      quotedStart = -1;
      // Text after the closing quote (rare, "a"b) is kept, as spreadsheets do.
      while (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') cell += s[i++];
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { records };
}

/** Spreadsheet column letters: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The title a file name gives: "tudors-reading-list.csv" -> "tudors-reading-list". */
export function titleFromFileName(fileName: string): string {
  return (
    fileName
      .replace(/^.*[\\/]/, '')
      .replace(/\.[^.]*$/, '')
      .trim() || say('packUntitled')
  );
}

/** Reads a CSV pack; the title is the `# title:` line's, else the file name's. All or nothing. */
export function parseCsvPack(source: string, fileName: string): PackResult {
  const p = new Problems();
  const done = (pack?: Pack): PackResult =>
    pack && p.errors.length === 0 ? { ok: true, pack, warnings: p.warnings } : { ok: false, problems: p.errors, warnings: p.warnings };
  if (sizeProblem(source, p)) return done();
  if (source.includes('\u0000') || /\uFFFD/.test(source.slice(0, 4096))) {
    p.error('file', say('packNotUtf8'));
    return done();
  }
  const { records, unclosedQuoteAt } = parseCsv(source);
  if (unclosedQuoteAt !== undefined) {
    p.error(say('packWhereRow', unclosedQuoteAt), say('packUnclosedQuote'));
    return done();
  }
  const meta: Partial<Record<(typeof META)[number], string>> = {};
  let r = 0;
  for (; r < records.length; r++) {
    const cells = records[r]!.cells;
    if (isBlank(cells)) continue;
    const first = cells[0]!.trim();
    if (!first.startsWith('#')) break;
    // A `# key: value` line; from a spreadsheet its other cells are empty (trailing commas).
    const m = /^#\s*([a-z]+)\s*:\s*(.*)$/is.exec(cells.join(',').replace(/,+$/, ''));
    const key = m?.[1]!.toLowerCase();
    if (m && (META as readonly string[]).includes(key!)) meta[key as (typeof META)[number]] = m[2]!.trim();
    else p.warn(say('packWhereRow', records[r]!.line), say('packUnknownMetaLine'));
  }
  const header = records[r];
  if (!header) {
    p.error('file', say('packNoHeader', CSV_COLUMNS.join(',')));
    return done();
  }
  if (header.cells.length === 1 && header.cells[0]!.includes(';')) {
    p.error(say('packWhereRow', header.line), say('packSemicolons'));
    return done();
  }
  const columns = new Map<Column, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const at = (label: string) => say('packWhereCellNamed', header.line, columnLetter(i), label);
    if (name === '') return;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      p.warn(at(raw.trim()), say('packUnknownColumn', raw.trim(), CSV_COLUMNS.join(', ')));
      return;
    }
    if (columns.has(name as Column)) p.error(at(name), say('packColumnTwice', name));
    else columns.set(name as Column, i);
  });
  for (const required of ['name', 'type'] as const)
    if (!columns.has(required)) p.error(say('packWhereRow', header.line), say('packHeaderMissingColumn', required));
  if (columns.has('lat') !== columns.has('lon'))
    p.error(
      say('packWhereRow', header.line),
      say('packHeaderHalfCoords', ...((columns.has('lat') ? ['lat', 'lon'] : ['lon', 'lat']) as [string, string])),
    );
  if (p.errors.length > 0) return done();

  const at = (line: number, column: Column) => say('packWhereCellNamed', line, columnLetter(columns.get(column) ?? 0), column);
  const entities: PackEntity[] = [];
  const entityLines: number[] = [];
  const notes: PackNote[] = [];
  const noteLines: number[] = [];
  const rows = records.slice(r + 1).filter((rec) => !isBlank(rec.cells));
  if (rows.length > PACK_LIMITS.entities) {
    p.error('file', sayCount('packTooManyRows', rows.length, sayNumber(PACK_LIMITS.entities)));
    return done();
  }
  for (const rec of rows) {
    const cell = (c: Column): string | undefined => {
      const i = columns.get(c);
      return i === undefined ? undefined : rec.cells[i];
    };
    const extra = rec.cells.slice(header.cells.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) p.error(say('packWhereCell', rec.line, columnLetter(header.cells.length)), say('packRowTooManyCells'));
    let coords: [number, number] | undefined;
    const lat = cell('lat')?.trim();
    const lon = cell('lon')?.trim();
    if (lat || lon) {
      if (!lat || !lon) p.error(at(rec.line, lat ? 'lon' : 'lat'), say('packRowHalfCoords'));
      else coords = coordinates(numberOf(lat), numberOf(lon), at(rec.line, 'lat'), at(rec.line, 'lon'), p);
    }
    const aliases = cell('aliases');
    const values: Record<string, unknown> = {
      name: cell('name'),
      // Spreadsheets capitalise the first word of a cell: "Person" is person here (JSON is strict).
      type: cell('type')?.trim().toLowerCase(),
      aliases: aliases === undefined ? undefined : aliases.split(';'),
      description: cell('description'),
      born: cell('born'),
      died: cell('died'),
      start: cell('start'),
      end: cell('end'),
      wikipedia: cell('wikipedia'),
      url: cell('url'),
    };
    const entity = checkEntity({ values, at: (field) => at(rec.line, field as Column), coords }, p);
    if (!entity) continue;
    entities.push(entity);
    entityLines.push(rec.line);
    const note = cell('note')?.trim();
    if (note) {
      if (note.length > PACK_LIMITS.noteText)
        p.error(at(rec.line, 'note'), say('packTextTooLong', say('packWhatNote'), sayNumber(note.length), sayNumber(PACK_LIMITS.noteText)));
      else {
        notes.push({ entity: entity.name, text: note });
        noteLines.push(rec.line);
      }
    }
  }
  const title = meta.title || titleFromFileName(fileName);
  if (title.length > PACK_LIMITS.title)
    p.error(say('packWhereRow', 1), say('packTextTooLong', say('packWhatTitle'), title.length, PACK_LIMITS.title));
  for (const [key, max, what] of [
    ['author', PACK_LIMITS.author, say('packWhatAuthor')],
    ['description', PACK_LIMITS.packDescription, say('packWhatDescription')],
    ['version', PACK_LIMITS.version, say('packWhatVersion')],
  ] as const)
    if ((meta[key]?.length ?? 0) > max) p.error(`# ${key}`, say('packTextTooLong', what, meta[key]!.length, max));
  if (p.errors.length > 0) return done();
  const pack: Pack = {
    dramatisPack: PACK_FORMAT_VERSION,
    title,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.version ? { version: meta.version } : {}),
    entities,
    notes,
  };
  checkPack(
    pack,
    p,
    (i, field) => at(entityLines[i]!, (CSV_COLUMNS as readonly string[]).includes(field) ? (field as Column) : 'name'),
    (i) => at(noteLines[i]!, 'note'),
  );
  return done(pack);
}

/** A number from a cell; a decimal comma (50,08) is read as a point. NaN when it is not a number. */
function numberOf(cell: string): number {
  const s = cell.replace(/^(-?\d+),(\d+)$/, '$1.$2');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) || cell.startsWith('#') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A pack as CSV. What CSV cannot hold is left out: relations and passage notes (the JSON format has
 * them). Several notes on one entity become one, separated by blank lines.
 */
export function serializeCsvPack(pack: Pack): string {
  const lines: string[] = [];
  lines.push(quote(`# title: ${pack.title}`));
  if (pack.author) lines.push(quote(`# author: ${pack.author}`));
  if (pack.description) lines.push(quote(`# description: ${pack.description}`));
  if (pack.version) lines.push(quote(`# version: ${pack.version}`));
  lines.push(CSV_COLUMNS.join(','));
  const notesOf = new Map<string, string[]>();
  for (const note of pack.notes) {
    const name =
      'entity' in note ? note.entity : 'wikipedia' in note ? pack.entities.find((e) => e.wikipedia === note.wikipedia)?.name : undefined;
    if (name) notesOf.set(name, [...(notesOf.get(name) ?? []), note.text]);
  }
  for (const e of pack.entities) {
    const row: Record<Column, string> = {
      name: e.name,
      type: e.type,
      aliases: (e.aliases ?? []).join(';'),
      description: e.description ?? '',
      born: e.born ?? '',
      died: e.died ?? '',
      start: e.start ?? '',
      end: e.end ?? '',
      wikipedia: e.wikipedia ?? '',
      url: e.url ?? '',
      lat: e.coords ? String(e.coords[0]) : '',
      lon: e.coords ? String(e.coords[1]) : '',
      note: (notesOf.get(e.name) ?? []).join('\n\n'),
    };
    lines.push(CSV_COLUMNS.map((c) => quote(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
