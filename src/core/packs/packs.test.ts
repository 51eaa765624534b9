import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR } from '../../../tools/paths';
import { EXAMPLE_PACK, golden, goodPacks, readText } from '../../../test/fixtures/packs/support';
import { problemLine, type PackResult } from './check';
import { columnLetter, parseCsv, parseCsvPack, serializeCsvPack } from './csv';
import { PACK_LIMITS, packEntityIds, packIdOf, type Pack } from './format';
import { parseJsonPack, serializeJsonPack } from './json';
import { parsePack } from './parse';

const good = (r: PackResult): Pack => {
  if (!r.ok) throw new Error(r.problems.map(problemLine).join('\n'));
  return r.pack;
};

describe('good packs (golden files)', () => {
  for (const { name, path } of goodPacks()) {
    it(`${name} parses to its golden file`, () => {
      const result = parsePack(readText(path), name);
      const pack = good(result);
      golden(`${name}.parsed.json`, `${JSON.stringify({ pack, warnings: result.warnings.map(problemLine) }, null, 2)}\n`);
    });
  }

  it('the example pack has about 30 entities, some with notes, and every type', () => {
    const pack = good(parseJsonPack(readText(EXAMPLE_PACK)));
    expect(pack.entities.length).toBeGreaterThanOrEqual(28);
    expect(pack.notes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(pack.entities.map((e) => e.type))).toEqual(new Set(['person', 'organization', 'place', 'event', 'work']));
  });

  it('keeps markup and script links as plain text, never dropping or rewriting them', () => {
    const pack = good(parsePack(readText(join(goodPacks().find((p) => p.name === 'full.json')!.path)), 'full.json'));
    expect(pack.entities[0]!.description).toBe('<script>alert(1)</script> is text here.');
    expect(pack.notes[0]!.text).toBe('See the [plan](javascript:alert(1)).');
    expect(pack.title).toBe('Every field');
  });
});

describe('the JSON Schema agrees with the validator', () => {
  const schema = JSON.parse(readFileSync(join(DOCS_DIR, 'pack.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  for (const { name, path } of goodPacks().filter((p) => p.name.endsWith('.json'))) {
    it(`accepts ${name}`, () => {
      const data: unknown = JSON.parse(readText(path).replace(/^\uFEFF/, ''));
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    });
  }
  it('accepts every good CSV pack once written as JSON', () => {
    for (const { name, path } of goodPacks().filter((p) => p.name.endsWith('.csv'))) {
      const pack = good(parseCsvPack(readText(path), name));
      expect(validate(JSON.parse(serializeJsonPack(pack))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
  it('refuses what the validator refuses for its shape', () => {
    for (const bad of BAD_JSON.filter((b) => b.schemaRefuses)) {
      const data = typeof bad.pack === 'string' ? undefined : bad.pack;
      if (data === undefined) continue;
      expect(validate(data), bad.name).toBe(false);
      expect(parseJsonPack(JSON.stringify(data)).ok, bad.name).toBe(false);
    }
  });
});

const base = (): Record<string, unknown> => ({ dramatisPack: 1, title: 'T', entities: [{ name: 'Jan Hus', type: 'person' }] });
const withEntity = (e: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...base(),
  entities: [{ name: 'Jan Hus', type: 'person', ...e }],
  ...extra,
});

interface BadJson {
  name: string;
  pack: Record<string, unknown> | string;
  expected: string;
  /** The schema too refuses it (checks a schema cannot make, such as died before born, are the validator's alone). */
  schemaRefuses?: boolean;
}

const BAD_JSON: BadJson[] = [
  { name: 'empty file', pack: '   ', expected: 'file: The file is empty.' },
  {
    name: 'syntax error',
    pack: '{\n  "dramatisPack": 1,\n  "title": "T"\n  "entities": []\n}',
    expected:
      'file: This is not valid JSON: the problem is at line 4, column 3 (a missing comma or quote, or a comma after the last item).',
  },
  {
    name: 'cut off',
    pack: '{ "dramatisPack": 1, "title": "T", "entities": [',
    expected: 'file: The file ends too soon (a closing } or ] or " is missing). Check the end of the file.',
  },
  { name: 'an array', pack: '[]', expected: 'file: A pack is one JSON object: { "dramatisPack": 1, "title": …, "entities": [ … ] }.' },
  {
    name: 'not a pack',
    pack: { title: 'T', entities: [] },
    expected: 'dramatisPack: This JSON is not a Dramatis pack: it must start with "dramatisPack": 1.',
    schemaRefuses: true,
  },
  {
    name: 'newer format',
    pack: { ...base(), dramatisPack: 2 },
    expected: 'dramatisPack: This pack is format 2, made for a newer Dramatis (this one reads format 1): update Dramatis.',
    schemaRefuses: true,
  },
  {
    name: 'no title',
    pack: { ...base(), title: '' },
    expected: 'title: Give the pack a title: students see it on every card from the pack.',
    schemaRefuses: true,
  },
  {
    name: 'title too long',
    pack: { ...base(), title: 'x'.repeat(121) },
    expected: 'title: The title is 121 characters long; the limit is 120. Shorten it.',
    schemaRefuses: true,
  },
  {
    name: 'no entities',
    pack: { ...base(), entities: [] },
    expected: 'file: The pack has no entities, so it would find nothing: add at least one name.',
    schemaRefuses: true,
  },
  {
    name: 'entities not a list',
    pack: { ...base(), entities: { name: 'Jan Hus' } },
    expected: 'entities: "entities" must be a list of entities ([ { "name": …, "type": … } ]), not an object.',
    schemaRefuses: true,
  },
  {
    name: 'too many entities',
    pack: { ...base(), entities: Array.from({ length: PACK_LIMITS.entities + 1 }, (_, i) => ({ name: `Name ${i}`, type: 'person' })) },
    expected: 'entities: The pack has 2,001 entities; the limit is 2,000. Split it into smaller packs.',
    schemaRefuses: true,
  },
  {
    name: 'entity not an object',
    pack: { ...base(), entities: ['Jan Hus'] },
    expected: 'entities[0]: Each entity must be an object ({ "name": …, "type": … }), not the text "Jan Hus".',
    schemaRefuses: true,
  },
  {
    name: 'no name',
    pack: withEntity({ name: undefined }),
    expected: 'entities[0].name: Every entity needs a name: the name readers see on pages (Jan Hus).',
    schemaRefuses: true,
  },
  {
    name: 'name a number',
    pack: withEntity({ name: 1415 }),
    expected: 'entities[0].name: The name must be text (in quotes), not the number 1415.',
    schemaRefuses: true,
  },
  {
    name: 'name too short',
    pack: withEntity({ name: 'H' }),
    expected: 'entities[0].name: The name "H" is too short to find on a page: use at least two letters.',
    schemaRefuses: true,
  },
  {
    name: 'no type',
    pack: withEntity({ type: undefined }),
    expected: 'entities[0].type: Every entity needs a type: one of person, organization, place, event, work.',
    schemaRefuses: true,
  },
  {
    name: 'capitalised type',
    pack: withEntity({ type: 'Person' }),
    expected: 'entities[0].type: "Person" is not a type Dramatis knows: write it in lower case, person.',
    schemaRefuses: true,
  },
  {
    name: 'plural type',
    pack: withEntity({ type: 'people' }),
    expected: 'entities[0].type: "people" is not a type Dramatis knows: use one of person, organization, place, event, work.',
    schemaRefuses: true,
  },
  {
    name: 'type places',
    pack: withEntity({ type: 'places' }),
    expected:
      'entities[0].type: "places" is not a type Dramatis knows (did you mean place?): use one of person, organization, place, event, work.',
    schemaRefuses: true,
  },
  {
    name: 'bad date',
    pack: withEntity({ died: '1415-13-01' }),
    expected:
      'entities[0].died: "1415-13-01" is not a date Dramatis reads. Write a year (1415), a year and month (1415-07) or a full date (1415-07-06); a year BC with a minus sign and four digits (-0044 for 44 BC).',
    schemaRefuses: true,
  },
  {
    name: 'date that does not exist',
    pack: withEntity({ died: '1415-02-30' }),
    expected:
      'entities[0].died: "1415-02-30" is not a date Dramatis reads. Write a year (1415), a year and month (1415-07) or a full date (1415-07-06); a year BC with a minus sign and four digits (-0044 for 44 BC).',
  },
  {
    name: 'BC written out',
    pack: withEntity({ born: '44 BC' }),
    expected: 'entities[0].born: "44 BC" is not a date Dramatis reads: write -0044 for 44 BC.',
    schemaRefuses: true,
  },
  {
    name: 'circa',
    pack: withEntity({ born: 'c. 1372' }),
    expected: 'entities[0].born: "c. 1372" is not a date Dramatis reads: write the year alone (1372) and say "about" in the description.',
    schemaRefuses: true,
  },
  {
    name: 'three-digit year',
    pack: withEntity({ born: '-44' }),
    expected: 'entities[0].born: "-44" is not a date Dramatis reads: years have four digits, so write -0044.',
    schemaRefuses: true,
  },
  {
    name: 'died before born',
    pack: withEntity({ born: '1415', died: '1372' }),
    expected: 'entities[0].died: Died (1372) is before born (1415); check the two dates.',
  },
  {
    name: 'born on a place',
    pack: withEntity({ name: 'Prague', type: 'place', born: '0800' }),
    expected: 'entities[0].born: Only people have born and died dates; for a place, use start and end.',
  },
  {
    name: 'javascript link',
    pack: withEntity({ url: 'javascript:alert(1)' }),
    expected: 'entities[0].url: The link "javascript:alert(1)" must start with http:// or https:// (other kinds of link are not allowed).',
    schemaRefuses: true,
  },
  {
    name: 'mailto link',
    pack: withEntity({ url: 'mailto:teacher@example.org' }),
    expected:
      'entities[0].url: The link "mailto:teacher@example.org" must start with http:// or https:// (other kinds of link are not allowed).',
    schemaRefuses: true,
  },
  {
    name: 'half a link',
    pack: withEntity({ url: 'https://' }),
    expected: 'entities[0].url: The link "https://" is not a complete web address; copy it from the browser\'s address bar.',
    schemaRefuses: true,
  },
  {
    name: 'wikipedia address for a title',
    pack: withEntity({ wikipedia: 'https://en.wikipedia.org/wiki/Jan_Hus' }),
    expected: 'entities[0].wikipedia: Write the article\'s title, not its address: "Jan Hus".',
    schemaRefuses: true,
  },
  {
    name: 'coords as text',
    pack: withEntity({ coords: '50.08, 14.42' }),
    expected: 'entities[0].coords: Coordinates must be [latitude, longitude] in degrees: [50.08, 14.42].',
    schemaRefuses: true,
  },
  {
    name: 'three coordinates',
    pack: withEntity({ coords: [50.08, 14.42, 200] }),
    expected: 'entities[0].coords: Coordinates must be [latitude, longitude] in degrees: [50.08, 14.42].',
    schemaRefuses: true,
  },
  {
    name: 'latitude out of range',
    pack: withEntity({ coords: [120.5, 14.4] }),
    expected:
      'entities[0].coords[0]: The latitude 120.5 is out of range: it must be from -90 (south) to 90 (north). It looks like longitude: latitude comes first.',
    schemaRefuses: true,
  },
  {
    name: 'description too long',
    pack: withEntity({ description: 'x'.repeat(1001) }),
    expected: 'entities[0].description: The description is 1,001 characters long; the limit is 1,000. Shorten it.',
    schemaRefuses: true,
  },
  {
    name: 'aliases as text',
    pack: withEntity({ aliases: 'Hus; Huss' }),
    expected: 'entities[0].aliases: Aliases must be a list of names in quotes (["Hus", "John Huss"]).',
    schemaRefuses: true,
  },
  {
    name: 'duplicate names',
    pack: {
      ...base(),
      entities: [
        { name: 'Jan Hus', type: 'person' },
        { name: 'JAN HUS', type: 'person' },
      ],
    },
    expected:
      'entities[1].name: "JAN HUS" is already the name at entities[0].name: give each entity its own name (add other spellings as aliases).',
  },
  {
    name: 'unknown relation',
    pack: withEntity({ related: [{ name: 'Jan Hus', relation: 'mentor' }] }),
    expected: 'entities[0].related[0].relation: "mentor" is not a relation Dramatis knows: use one of',
    schemaRefuses: true,
  },
  {
    name: 'relation to a missing entity',
    pack: withEntity({ related: [{ name: 'Jerome of Prague', relation: 'friend_of' }] }),
    expected:
      'entities[0].related[0].name: "Jerome of Prague" is not an entity of this pack: add it, or give its "wikipedia" title instead.',
  },
  {
    name: 'note on a missing entity',
    pack: { ...base(), notes: [{ entity: 'Jerome', text: 'x' }] },
    expected: 'notes[0].entity: The note is on "Jerome", which is not an entity of this pack: add it, or fix the name.',
  },
  {
    name: 'note without text',
    pack: { ...base(), notes: [{ entity: 'Jan Hus', text: '  ' }] },
    expected: 'notes[0].text: The note has no text.',
  },
  {
    name: 'note on nothing',
    pack: { ...base(), notes: [{ text: 'Remember this.' }] },
    expected:
      'notes[0]: Say what the note is on: exactly one of "entity" (a name in this pack), "wikipedia" (a title) or "target" (a passage).',
    schemaRefuses: true,
  },
  {
    name: 'passage note on a file page',
    pack: {
      ...base(),
      notes: [{ target: { source: 'file:///home/a.html', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }, text: 'x' }],
    },
    expected:
      'notes[0].target.source: The page address "file:///home/a.html" must start with http:// or https:// (other kinds of link are not allowed).',
    schemaRefuses: true,
  },
  {
    name: 'passage note without a quote',
    pack: {
      ...base(),
      notes: [{ target: { source: 'https://example.org/', selector: [{ type: 'TextPositionSelector', start: 1, end: 4 }] }, text: 'x' }],
    },
    expected: 'notes[0].target.selector: Quote the passage: a TextQuoteSelector with "exact" set to the words of the page.',
  },
  {
    name: 'note too long',
    pack: { ...base(), notes: [{ entity: 'Jan Hus', text: 'x'.repeat(5001) }] },
    expected: 'notes[0].text: The note is 5,001 characters long; the limit is 5,000. Shorten it.',
    schemaRefuses: true,
  },
  {
    name: 'file too large',
    pack: `{"dramatisPack":1,"title":"T","entities":[],"padding":"${'x'.repeat(PACK_LIMITS.fileBytes)}"}`,
    expected: 'file: The file is 2.0 MB; a pack may be at most 2 MB. Split it into smaller packs.',
  },
];

describe('bad JSON packs: each problem says where and what to do', () => {
  for (const bad of BAD_JSON) {
    it(bad.name, () => {
      const result = parseJsonPack(typeof bad.pack === 'string' ? bad.pack : JSON.stringify(bad.pack));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const lines = result.problems.map(problemLine);
      expect(
        lines.some((l) => l.startsWith(bad.expected)),
        lines.join('\n'),
      ).toBe(true);
    });
  }
  it('reports every problem, not just the first', () => {
    const result = parseJsonPack(
      JSON.stringify({
        ...base(),
        entities: [
          { name: 'A', type: 'x' },
          { name: 'Jan Hus', type: 'person', died: 'soon' },
        ],
      }),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.where)).toEqual(['entities[0].name', 'entities[0].type', 'entities[1].died']);
  });
  it('warns about fields it does not know, and still reads the pack', () => {
    const result = parseJsonPack(JSON.stringify({ ...base(), colour: 'red' }));
    expect(result.ok).toBe(true);
    expect(result.warnings.map(problemLine)).toEqual(['colour: "colour" is not a pack field, so it was ignored.']);
  });
});

const HEADER = 'name,type,born,died,wikipedia,url,lat,lon';

const BAD_CSV: { name: string; csv: string; expected: string }[] = [
  {
    name: 'empty',
    csv: '',
    expected:
      'file: The file has no header row. The first row must name the columns: name,type,aliases,description,born,died,start,end,wikipedia,url,lat,lon,note.',
  },
  { name: 'only a title line', csv: '# title: Week 1\n', expected: 'file: The file has no header row.' },
  {
    name: 'no name column',
    csv: 'type,description\nperson,x\n',
    expected: 'row 1: The header has no "name" column; every pack needs name and type columns.',
  },
  {
    name: 'no type column',
    csv: 'name\nJan Hus\n',
    expected: 'row 1: The header has no "type" column; every pack needs name and type columns.',
  },
  {
    name: 'semicolons',
    csv: 'name;type\nJan Hus;person\n',
    expected: 'row 1: The columns are separated by semicolons: in the spreadsheet, save as "CSV UTF-8 (comma delimited)".',
  },
  {
    name: 'column twice',
    csv: 'name,type,name\nJan Hus,person,Hus\n',
    expected: 'row 1, column C (name): The column "name" appears twice: keep one.',
  },
  {
    name: 'lat without lon',
    csv: 'name,type,lat\nPrague,place,50\n',
    expected: 'row 1: The header has a "lat" column without "lon": coordinates need both.',
  },
  {
    name: 'unclosed quote',
    csv: `${HEADER}\n"Jan Hus,person\n`,
    expected: 'row 2: A cell opens a quote (") that never closes: add the closing quote, or remove the opening one.',
  },
  {
    name: 'no data rows',
    csv: `${HEADER}\n\n`,
    expected: 'file: The pack has no entities, so it would find nothing: add at least one name.',
  },
  { name: 'missing name', csv: `${HEADER}\n,person\n`, expected: 'row 2, column A (name): Every entity needs a name' },
  {
    name: 'missing type',
    csv: `${HEADER}\nJan Hus,\n`,
    expected: 'row 2, column B (type): Every entity needs a type: one of person, organization, place, event, work.',
  },
  {
    name: 'unknown type',
    csv: `${HEADER}\nJan Hus,preacher\n`,
    expected: 'row 2, column B (type): "preacher" is not a type Dramatis knows: use one of person, organization, place, event, work.',
  },
  {
    name: 'date a spreadsheet reformatted',
    csv: `${HEADER}\nJan Hus,person,,06/07/1415\n`,
    expected: 'row 2, column D (died): "06/07/1415" is not a date Dramatis reads.',
  },
  {
    name: 'BC year lost its zeros',
    csv: `${HEADER}\nJulius Caesar,person,-100,-44\n`,
    expected: 'row 2, column C (born): "-100" is not a date Dramatis reads: years have four digits, so write -0100.',
  },
  {
    name: 'died before born',
    csv: `${HEADER}\nJan Hus,person,1415,1372\n`,
    expected: 'row 2, column D (died): Died (1372) is before born (1415); check the two dates.',
  },
  {
    name: 'bad link',
    csv: `${HEADER}\nJan Hus,person,,,,data:text/html;base64\n`,
    expected: 'row 2, column F (url): The link "data:text/html;base64" must start with http:// or https://',
  },
  {
    name: 'link without scheme',
    csv: `${HEADER}\nJan Hus,person,,,,www.example.org\n`,
    expected: 'row 2, column F (url): The link "www.example.org" must start with http:// or https://',
  },
  {
    name: 'lat not a number',
    csv: `${HEADER}\nPrague,place,,,,,north,14\n`,
    expected: 'row 2, column G (lat): The latitude must be a number of degrees (50.08 for Prague), not the number NaN.',
  },
  {
    name: 'lat out of range',
    csv: `${HEADER}\nPrague,place,,,,,95,14\n`,
    expected:
      'row 2, column G (lat): The latitude 95 is out of range: it must be from -90 (south) to 90 (north). It looks like longitude: latitude comes first.',
  },
  {
    name: 'lon out of range',
    csv: `${HEADER}\nPrague,place,,,,,50,194\n`,
    expected: 'row 2, column H (lon): The longitude 194 is out of range: it must be from -180 (west) to 180 (east).',
  },
  {
    name: 'lat without its lon',
    csv: `${HEADER}\nPrague,place,,,,,50,\n`,
    expected: 'row 2, column H (lon): Coordinates need both lat and lon (or neither).',
  },
  {
    name: 'comma outside quotes',
    csv: 'name,type,description\nJan Hus,person,preacher, reformer\n',
    expected: 'row 2, column D: This row has more cells than the header has columns: a comma inside a cell needs the cell in quotes.',
  },
  {
    name: 'duplicate names',
    csv: 'name,type\nJan Hus,person\nJan Hus,person\n',
    expected: 'row 3, column A (name): "Jan Hus" is already the name at row 2, column A (name): give each entity its own name',
  },
  {
    name: 'wikipedia address',
    csv: 'name,type,wikipedia\nJan Hus,person,https://en.wikipedia.org/wiki/Jan_Hus\n',
    expected: 'row 2, column C (wikipedia): Write the article\'s title, not its address: "Jan Hus".',
  },
  {
    name: 'alias of one letter',
    csv: 'name,type,aliases\nJan Hus,person,Hus;H\n',
    expected: 'row 2, column C (aliases): The alias "H" is too short to find on a page: use at least two letters.',
  },
  {
    name: 'description too long',
    csv: `name,type,description\nJan Hus,person,${'x'.repeat(1001)}\n`,
    expected: 'row 2, column C (description): The description is 1,001 characters long; the limit is 1,000. Shorten it.',
  },
  {
    name: 'note too long',
    csv: `name,type,note\nJan Hus,person,${'x'.repeat(5001)}\n`,
    expected: 'row 2, column C (note): The note is 5,001 characters long; the limit is 5,000.',
  },
  {
    name: 'title too long',
    csv: `# title: ${'x'.repeat(121)}\nname,type\nJan Hus,person\n`,
    expected: 'row 1: The title is 121 characters long; the limit is 120.',
  },
  {
    name: 'not UTF-8',
    csv: 'name,type\nJ\uFFFDn Hus,person\n',
    expected: 'file: The file is not UTF-8 text: in the spreadsheet, save as "CSV UTF-8 (comma delimited)".',
  },
  {
    name: 'too many rows',
    csv: `name,type\n${Array.from({ length: PACK_LIMITS.entities + 1 }, (_, i) => `Name ${i},person`).join('\n')}\n`,
    expected: 'file: The file has 2,001 rows; the limit is 2,000 entities. Split it into smaller packs.',
  },
  {
    name: 'file too large',
    csv: `name,type,description\n${`Jan Hus,person,${'x'.repeat(900)}\n`.repeat(2400)}`,
    expected: 'file: The file is 2.1 MB; a pack may be at most 2 MB.',
  },
];

describe('bad CSV packs: each problem names the row and column', () => {
  for (const bad of BAD_CSV) {
    it(bad.name, () => {
      const result = parseCsvPack(bad.csv, 'week.csv');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const lines = result.problems.map(problemLine);
      expect(
        lines.some((l) => l.startsWith(bad.expected)),
        lines.join('\n'),
      ).toBe(true);
    });
  }
  it('ignores unknown columns with a warning', () => {
    const result = parseCsvPack('name,type,Shelf\nJan Hus,person,A1\n', 'week.csv');
    expect(result.ok).toBe(true);
    expect(result.warnings.map(problemLine)).toEqual([
      'row 1, column C (Shelf): "Shelf" is not a pack column, so it was ignored. The columns are: name, type, aliases, description, born, died, start, end, wikipedia, url, lat, lon, note.',
    ]);
  });
});

describe('the CSV reader (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const { records } = parseCsv('\uFEFFa,"b,c","say ""hi"""\r\n"two\nlines",x\r\n');
    expect(records).toEqual([
      { cells: ['a', 'b,c', 'say "hi"'], line: 1 },
      { cells: ['two\nlines', 'x'], line: 2 },
    ]);
  });
  it('counts the lines a quoted cell spans, for the rows it reports', () => {
    const { records } = parseCsv('h\n"a\nb"\nc');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('round trips', () => {
  it('JSON: write then read gives the same pack', () => {
    for (const { name, path } of goodPacks()) {
      const pack = good(parsePack(readText(path), name));
      expect(good(parseJsonPack(serializeJsonPack(pack)))).toEqual(pack);
    }
  });
  it('CSV: write then read gives the same pack (what CSV holds)', () => {
    for (const { name, path } of goodPacks().filter((p) => p.name.endsWith('.csv'))) {
      const pack = good(parsePack(readText(path), name));
      expect(good(parseCsvPack(serializeCsvPack(pack), 'other-name.csv'))).toEqual(pack);
    }
  });
  it('CSV from the example pack keeps every entity and every entity note', () => {
    const pack = good(parseJsonPack(readText(EXAMPLE_PACK)));
    const back = good(parseCsvPack(serializeCsvPack(pack), 'x.csv'));
    expect(back.title).toBe(pack.title);
    expect(back.entities).toEqual(pack.entities.map(({ related: _r, ...e }) => e));
    const byText = (a: { text: string }, b: { text: string }) => (a.text < b.text ? -1 : 1);
    // CSV has no column for a passage note (nor for relations): those stay in the JSON.
    const entityNotes = pack.notes.filter((n) => !('target' in n));
    expect(entityNotes.length).toBeLessThan(pack.notes.length);
    expect([...back.notes].sort(byText)).toEqual([...entityNotes].sort(byText));
  });
});

describe('ids', () => {
  it('a pack id depends on the title only, case and accents aside', () => {
    expect(packIdOf('Hussite Bohemia')).toBe(packIdOf('hussite bohémia '));
    expect(packIdOf('Hussite Bohemia')).not.toBe(packIdOf('Hussite Bohemia 2'));
  });
  it('entity ids are stable across versions of a pack and distinct within one', () => {
    const a: Pack = {
      dramatisPack: 1,
      title: 'T',
      entities: [
        { name: 'Café', type: 'place' },
        { name: 'Cafe!', type: 'place' },
      ],
      notes: [],
    };
    const ids = packEntityIds(a);
    expect(new Set(ids).size).toBe(2);
    const b: Pack = { ...a, entities: [{ name: 'New', type: 'person' }, ...a.entities] };
    expect(packEntityIds(b).slice(1)).toEqual(ids);
  });
});
