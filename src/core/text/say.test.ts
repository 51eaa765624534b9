import { afterEach, describe, expect, it } from 'vitest';
import { mergedMessages } from '../../../tools/locales';
import core from '../messages.en.json' with { type: 'json' };
import backup from '../export/messages.en.json' with { type: 'json' };
import packs from '../packs/messages.en.json' with { type: 'json' };
import sync from '../sync/messages.en.json' with { type: 'json' };
import { parsePack } from '../packs/parse';
import { parseBackup } from '../export/backup';
import { say, sayCount, useTranslator } from './say';

// A translator with no messages: say() falls back to English, as in the CLI.
const english = () => useTranslator(() => '');

describe('say', () => {
  afterEach(english);

  it('formats from the English table by default, $1…$9 filled', () => {
    expect(say('packFileEmpty')).toBe('The file is empty.');
    expect(say('packDiedBeforeBorn', '1369', 1415)).toBe('Died (1369) is before born (1415); check the two dates.');
  });

  it('chooses the _one or _other form by count, the number as $1 written as the language writes it', () => {
    expect(sayCount('packCountNotes', 1)).toBe('1 note');
    expect(sayCount('packCountNotes', 0)).toBe('0 notes');
    expect(sayCount('packTooManyEntities', 5001, '5,000')).toBe(
      'The pack has 5,001 entities; the limit is 5,000. Split it into smaller packs.',
    );
  });

  it('goes through the translator a shell installs, with its plural rules, and falls back to English for a key it lacks', () => {
    const table: Record<string, string> = {
      packFileEmpty: 'Le fichier est vide.',
      packCountNotes_one: '$1 note (fr)',
      packCountNotes_other: '$1 notes (fr)',
    };
    useTranslator((key, subs) => (table[key] ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? ''), 'fr');
    expect(say('packFileEmpty')).toBe('Le fichier est vide.');
    // French counts 0 as "one"; English would say "0 notes".
    expect(sayCount('packCountNotes', 0)).toBe('0 note (fr)');
    expect(sayCount('packCountNotes', 1500)).toBe('1\u202f500 notes (fr)');
    expect(say('packNoEntities')).toBe('The pack has no entities, so it would find nothing: add at least one name.');
  });

  it('reaches the validators: a bad pack and a bad backup are reported in the translator’s words', () => {
    useTranslator((key, subs) => `[${key}${subs.length ? ` ${subs.join('|')}` : ''}]`);
    const pack = parsePack('{"dramatisPack": 1, "title": "T", "entities": [{ "name": "Jan Hus", "type": "persons" }]}', 'p.json');
    expect(pack.ok ? [] : pack.problems).toEqual([
      { where: 'entities[0].type', message: '[packTypeDidYouMean persons|person|person, organization, place, event, work]' },
    ]);
    const csv = parsePack('name,type,lat\nJan Hus,person,50\n', 'p.csv');
    expect(csv.ok ? [] : csv.problems).toEqual([{ where: '[packWhereRow 1]', message: '[packHeaderHalfCoords lat|lon]' }]);
    expect(parseBackup('')).toEqual({ ok: false, error: '[backupFileEmpty]' });
  });
});

describe('core’s message table', () => {
  it('is merged into the extension’s messages whole and unchanged, so browser.i18n has every key say() asks for', () => {
    const merged = mergedMessages();
    const table = { ...core, ...backup, ...packs, ...sync } as Record<string, { message: string }>;
    expect(Object.keys(table).length).toBeGreaterThan(100);
    const differing = Object.entries(table).filter(([key, entry]) => merged[key]?.message !== entry.message);
    expect(differing).toEqual([]);
  });
});
