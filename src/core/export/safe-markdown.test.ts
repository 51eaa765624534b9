/** Escaping helpers of the exports: YAML values and tag names. */
import { tagName, yamlString } from './safe-markdown';
import { describe, expect, it } from 'vitest';

describe('escaping helpers', () => {
  it('quotes YAML values so nothing escapes the quotes', () => {
    expect(yamlString('a "b" \\ c\nd\u2028e\u0007')).toBe('"a \\"b\\" \\\\ c\\nd\\u2028e\\u0007"');
  });
  it('makes each tag one valid tag', () => {
    expect(tagName('Moscow Trials')).toBe('Moscow-Trials');
    expect(tagName('#a*b!c')).toBe('abc');
    expect(tagName('1937')).toBe('_1937');
    expect(tagName('ספרד')).toBe('ספרד');
    expect(tagName('#')).toBe('');
  });
});
