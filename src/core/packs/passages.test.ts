import { describe, expect, it } from 'vitest';
import { anchorPassage } from '../notes/anchor';
import { packIdOf, type Pack, type PackNoteTarget, type StoredPack } from './format';
import { packPassagesByPage, passageTargetOf } from './passages';

const PAGE = 'https://course.example/week-3.html';
const target = (exact: string, extra: Partial<{ prefix: string; suffix: string; source: string }> = {}): PackNoteTarget => ({
  source: extra.source ?? PAGE,
  selector: [
    {
      type: 'TextQuoteSelector',
      exact,
      ...(extra.prefix ? { prefix: extra.prefix } : {}),
      ...(extra.suffix ? { suffix: extra.suffix } : {}),
    },
  ],
});
const pack = (title: string, notes: Pack['notes']): Pack => ({
  dramatisPack: 1,
  title,
  entities: [{ name: 'Jan Hus', type: 'person' }],
  notes,
});
const stored = (p: Pack, enabled = true): StoredPack => ({ id: packIdOf(p.title), enabled, imported: 0, updated: 0, pack: p });

describe("a pack's passage notes by page", () => {
  const week3 = pack('Week 3', [
    { entity: 'Jan Hus', text: 'On the entity: not a passage.' },
    { target: target('carried the war abroad'), text: 'The raids beyond Bohemia.' },
    { target: target('the Compacts', { source: `${PAGE}#part-2` }), text: 'Seminar 6.' },
    { target: target('a quote', { source: `${PAGE}?print=1` }), text: 'Another address.' },
  ]);

  it('keys each note by its page as the reader’s notes are keyed (the #fragment aside, the query kept)', () => {
    const byPage = packPassagesByPage([stored(week3)]);
    expect([...byPage.keys()].sort()).toEqual([PAGE, `${PAGE}?print=1`]);
    expect(byPage.get(PAGE)!.map((n) => [n.id, n.packTitle, n.text])).toEqual([
      [`${packIdOf('Week 3')}#1`, 'Week 3', 'The raids beyond Bohemia.'],
      [`${packIdOf('Week 3')}#2`, 'Week 3', 'Seminar 6.'],
    ]);
  });

  it('leaves out a pack turned off, and keeps each pack’s notes apart', () => {
    const other = pack('Week 4', [{ target: target('carried the war abroad'), text: 'Week 4 says otherwise.' }]);
    expect(packPassagesByPage([stored(week3, false)]).size).toBe(0);
    const both = packPassagesByPage([stored(week3), stored(other)]).get(PAGE)!;
    expect(both.map((n) => n.packTitle)).toEqual(['Week 3', 'Week 3', 'Week 4']);
  });
});

describe('anchoring a pack note on the page text', () => {
  const text =
    'Prokop the Great carried the war abroad; after the Battle of Domažlice the Council of Basel opened talks. ' +
    'Later writers said the Orphans carried the war abroad too.';

  it('finds a quote with no position by its words, and its context picks among repeats', () => {
    const first = anchorPassage(text, passageTargetOf(target('carried the war abroad', { prefix: 'Prokop the Great ' })));
    expect(first && text.slice(first.start, first.end)).toBe('carried the war abroad');
    expect(first!.start).toBe(text.indexOf('carried the war abroad'));
    const second = anchorPassage(text, passageTargetOf(target('carried the war abroad', { prefix: 'the Orphans ', suffix: ' too.' })));
    expect(second!.start).toBe(text.lastIndexOf('carried the war abroad'));
    expect(second!.exact).toBe(true);
  });

  it('uses a TextPositionSelector when the pack gives one', () => {
    const at = text.lastIndexOf('carried the war abroad');
    const t: PackNoteTarget = {
      source: PAGE,
      selector: [
        { type: 'TextQuoteSelector', exact: 'carried the war abroad' },
        { type: 'TextPositionSelector', start: at, end: at + 'carried the war abroad'.length },
      ],
    };
    expect(anchorPassage(text, passageTargetOf(t))).toEqual({ start: at, end: at + 22, exact: true });
  });

  it('still places a quote the page has since changed a little, and gives up on one it no longer has', () => {
    const edited = text.replace('Council of Basel opened talks', 'Council of Basle opened talks');
    const fuzzy = anchorPassage(edited, passageTargetOf(target('the Council of Basel opened talks')));
    expect(fuzzy && edited.slice(fuzzy.start, fuzzy.end)).toContain('Council of Basle opened talks');
    expect(fuzzy!.exact).toBe(false);
    expect(anchorPassage(text, passageTargetOf(target('the defenestration of the councillors')))).toBeNull();
  });
});
