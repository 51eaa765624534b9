import { describe, expect, it } from 'vitest';
import { foldKey } from './fold';
import { nameKey, tokenize } from './tokens';

const surfaces = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('foldKey', () => {
  it('drops case, diacritics and odd spaces', () => {
    expect(foldKey('Léon\u00a0BLUM')).toBe('leon blum');
    expect(foldKey('Andrés Nin Pérez')).toBe('andres nin perez');
    expect(foldKey('Łódź')).toBe('lodz');
    expect(foldKey('Straße')).toBe('strasse');
  });
  it('unifies apostrophes and dashes', () => {
    expect(foldKey('Trotsky’s')).toBe("trotsky's");
    expect(foldKey('Molotov–Ribbentrop')).toBe('molotov-ribbentrop');
  });
});

describe('tokenize', () => {
  it('strips possessives with straight and typographic apostrophes', () => {
    expect(surfaces("Trotsky’s gambit and Stalin's purge")).toEqual(['Trotsky', 'gambit', 'and', 'Stalin', 'purge']);
  });
  it('keeps apostrophes inside names', () => {
    expect(tokenize("O'Brien d’Estaing").map((t) => t.key)).toEqual(["o'brien", "d'estaing"]);
  });
  it('lets initials continue a name but ends it at a sentence', () => {
    const tokens = tokenize('J. Edgar Hoover. Then');
    expect(tokens.map((t) => t.breakBefore)).toEqual([false, false, false, true]);
  });
  it('keeps "St.", "Mt." and "Ft." inside a name, but not other short words before a period', () => {
    expect(tokenize('Barry St. Leger').map((t) => t.breakBefore)).toEqual([false, false, false]);
    expect(tokenize('Mt. Vernon and Ft. Sumter').map((t) => t.breakBefore)).toEqual([false, false, false, false, false]);
    expect(tokenize('He went up. Leger').map((t) => t.breakBefore)).toEqual([false, false, false, true]);
  });
  it('breaks names at commas and slashes, not at hyphens or line breaks', () => {
    const tokens = tokenize('Stalin, Yezhov/Beria Orlov-Feldbin Joseph\nHansen');
    expect(tokens.map((t) => `${t.breakBefore ? '|' : ''}${t.key}`)).toEqual([
      'stalin',
      '|yezhov',
      '|beria',
      'orlov',
      'feldbin',
      'joseph',
      'hansen',
    ]);
  });
  it('folds names to the same key whatever their spacing', () => {
    expect(nameKey('Joseph\u00a0Hansen')).toBe(nameKey('Joseph  Hansen'));
    expect(nameKey('N.K.V.D.')).toBe('n k v d');
    expect(nameKey('MI-5')).toBe('mi 5');
  });
  it('keeps offsets into the original text with non-Latin letters', () => {
    const text = 'Лев Троцкий, 1879';
    expect(surfaces(text)).toEqual(['Лев', 'Троцкий', '1879']);
  });
});

describe('CJK boundaries', () => {
  it('splits Latin-script names from Chinese, Japanese and Korean characters written against them', () => {
    expect(surfaces('托洛茨基Leon Trotsky在墨西哥')).toEqual(['托', '洛', '茨', '基', 'Leon', 'Trotsky', '在', '墨', '西', '哥']);
    expect(surfaces('フリーダ・カーロFrida Kahloの家')).toContain('Kahlo');
    expect(surfaces('스탈린Joseph Stalin은')).toEqual(['스', '탈', '린', 'Joseph', 'Stalin', '은']);
    expect(surfaces('𠀀Reiss')).toEqual(['𠀀', 'Reiss']);
  });
  it('ends a name where the script changes, but not between Latin words', () => {
    const tokens = tokenize('在Leon Trotsky的');
    expect(tokens.map((t) => t.breakBefore)).toEqual([false, true, false, true]);
  });
  it('keeps possessives and apostrophes from reaching into CJK text', () => {
    expect(surfaces("Trotsky's在")).toEqual(['Trotsky', '在']);
    expect(surfaces("Rivera'在")).toEqual(['Rivera', '在']);
  });
  it('gives a CJK form the same key as the scan of running CJK text, so CJK aliases still match', () => {
    expect(nameKey('毛泽东')).toBe('毛 泽 东');
    expect(tokenize('他是毛泽东。').map((t) => t.key)).toEqual(['他', '是', '毛', '泽', '东']);
  });
  it('leaves accented Latin, Cyrillic and Greek words whole', () => {
    expect(surfaces('Coyoacán Троцкий Αθήνα')).toEqual(['Coyoacán', 'Троцкий', 'Αθήνα']);
  });
});
