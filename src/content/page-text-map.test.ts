// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR } from '../core/extract';
import { PageTextMap } from './page-text-map';

function build(html: string): PageTextMap {
  document.body.innerHTML = html; // test fixture markup only
  return PageTextMap.build(document.body);
}

describe('PageTextMap', () => {
  it('joins blocks with the separator the CLI uses, inline markup inside a block', () => {
    const map = build('<h1>The <em>Moscow</em> Trials</h1><p>Krivitsky <b>defected</b> in 1937.</p>');
    expect(map.text).toBe(`The Moscow Trials${BLOCK_SEPARATOR}Krivitsky defected in 1937.`);
  });

  it('maps DOM positions to string offsets and back, across text nodes and blocks', () => {
    const map = build('<p>Walter <b>Krivitsky</b></p><p>met Reiss.</p>');
    const bold = document.querySelector('b')!.firstChild!;
    const start = map.offsetOf(bold, 0)!;
    expect(map.text.slice(start, start + 9)).toBe('Krivitsky');
    const range = map.rangeAt(start, map.text.indexOf('Reiss') + 5)!;
    expect(range.toString()).toBe('Krivitsky' + 'met Reiss');
    expect(range.startContainer).toBe(bold);
  });

  it('reads an element boundary as the first text after it, and text outside blocks as undefined', () => {
    const map = build('<p>Alpha</p><p>Beta</p>');
    const second = document.querySelectorAll('p')[1]!;
    expect(map.offsetOf(second, 0)).toBe(map.text.indexOf('Beta'));
    const stray = document.createTextNode('not on the page');
    expect(map.offsetOf(stray, 0)).toBeUndefined();
  });
});
