import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './protocol/messages';
import { validateRequest } from './protocol/validate';
import { applySettingsPatch, cardDelay, hostFromInput, settingsFrom, settingsPatchProblem, sitePatch, siteEnabled } from './settings';

describe('settings migration (settingsFrom)', () => {
  it('reads settings stored before the reader-control fields: every new field takes its default', () => {
    const v1 = { highlightsEnabled: false, disabledSites: ['news.example.com'] };
    expect(settingsFrom(v1)).toEqual({ ...DEFAULT_SETTINGS, highlightsEnabled: false, disabledSites: ['news.example.com'] });
  });

  it('keeps valid fields, replaces an invalid one by its default and drops unknown fields', () => {
    const stored = { ...DEFAULT_SETTINGS, density: 'page', markStyle: 'loud', cardTrigger: 'long', retired: 1 };
    const read = settingsFrom(stored);
    expect(read.density).toBe('page');
    expect(read.markStyle).toBe('type');
    expect(read.cardTrigger).toBe('long');
    expect(read).not.toHaveProperty('retired');
  });

  it('merges kinds per kind, so a kind a stored object lacks starts on', () => {
    expect(settingsFrom({ kinds: { place: false } }).kinds).toEqual({
      person: true,
      organization: true,
      place: false,
      event: true,
      work: true,
    });
  });

  it('gives a fresh copy: changing the result never changes the defaults', () => {
    const s = settingsFrom(undefined);
    s.kinds.person = false;
    s.disabledSites.push('x.example');
    expect(DEFAULT_SETTINGS.kinds.person).toBe(true);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });
});

describe('settings validation', () => {
  it('accepts every valid value of every field', () => {
    const all: Partial<Settings> = {
      siteMode: 'only-listed',
      enabledSites: ['example.org'],
      density: 'modifier',
      modifierKey: 'Shift',
      markStyle: 'dotted',
      kinds: { person: false },
      cardTrigger: 'modifier',
    } as Partial<Settings>;
    expect(settingsPatchProblem(all)).toBeNull();
    expect(validateRequest({ type: 'settings.set', patch: all }).ok).toBe(true);
  });

  it('refuses a bad value with the field named, and unknown fields in a message', () => {
    expect(settingsPatchProblem({ density: 'lots' })).toBe('density must be one of every, block, page, modifier');
    expect(settingsPatchProblem({ modifierKey: 'CapsLock' })).toBe('modifierKey must be one of Alt, Control, Shift, Meta');
    expect(settingsPatchProblem({ kinds: { dragon: true } })).toBe('kinds has an unknown kind "dragon"');
    expect(settingsPatchProblem({ kinds: { work: 1 } })).toBe('kinds work must be true or false');
    expect(settingsPatchProblem({ enabledSites: [''] })).toMatch(/enabledSites must be a list/);
    expect(settingsPatchProblem({ siteMode: 'nowhere' })).toMatch(/siteMode must be one of/);
    expect(settingsPatchProblem({ theme: 'dark' })).toBe('has an unknown field "theme"');
    expect(settingsPatchProblem({ theme: 'dark' }, true)).toBeNull();
    const refused = validateRequest({ type: 'settings.set', patch: { cardTrigger: 'never' } });
    expect(refused).toEqual({ ok: false, error: 'settings.set: patch cardTrigger must be one of short, normal, long, modifier' });
  });

  it('applies a patch: kinds merge, other fields replace', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { kinds: { work: false } as Settings['kinds'], density: 'block' });
    expect(next.kinds).toEqual({ ...DEFAULT_SETTINGS.kinds, work: false });
    expect(next.density).toBe('block');
  });
});

describe('where Dramatis runs', () => {
  const everywhere = { ...DEFAULT_SETTINGS, disabledSites: ['off.example'], enabledSites: ['on.example'] };
  const listed = { ...everywhere, siteMode: 'only-listed' as const };

  it('everywhere except the sites switched off, or only on the sites switched on', () => {
    expect(siteEnabled(everywhere, 'any.example')).toBe(true);
    expect(siteEnabled(everywhere, 'off.example')).toBe(false);
    expect(siteEnabled(listed, 'any.example')).toBe(false);
    expect(siteEnabled(listed, 'on.example')).toBe(true);
  });

  it('the site switch writes the list the mode reads', () => {
    expect(sitePatch(everywhere, 'a.example', false)).toEqual({ disabledSites: ['a.example', 'off.example'] });
    expect(sitePatch(everywhere, 'off.example', true)).toEqual({ disabledSites: [] });
    expect(sitePatch(listed, 'a.example', true)).toEqual({ enabledSites: ['a.example', 'on.example'] });
    expect(sitePatch(listed, 'on.example', false)).toEqual({ enabledSites: [] });
  });

  it('reads a site the reader typed as its hostname, or refuses it', () => {
    expect(hostFromInput('https://www.Example.org/a/b?c')).toBe('www.example.org');
    expect(hostFromInput('  en.wikipedia.org ')).toBe('en.wikipedia.org');
    expect(hostFromInput('localhost:8080')).toBe('localhost');
    expect(hostFromInput('')).toBeUndefined();
    expect(hostFromInput('not a site')).toBeUndefined();
  });
});

describe('card trigger', () => {
  it('short < normal < long, and the modifier key opens almost at once', () => {
    expect(cardDelay('short')).toBeLessThan(cardDelay('normal'));
    expect(cardDelay('normal')).toBe(400);
    expect(cardDelay('long')).toBeGreaterThan(cardDelay('normal'));
    expect(cardDelay('modifier')).toBeLessThan(cardDelay('short'));
  });
});
