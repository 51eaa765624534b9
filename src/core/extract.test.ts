import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractBlocks, locate, type DomNode } from './extract';

const blocksOf = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return extractBlocks(document.body as unknown as DomNode).map((b) => b.text);
};

describe('extractBlocks', () => {
  it('joins inline markup into one block so names survive it', () => {
    expect(blocksOf('<p>Joseph <b>Hansen</b> met <a href="#">Leon <i>Trotsky</i></a>.</p>')).toEqual(['Joseph Hansen met Leon Trotsky.']);
  });
  it('ends a block at block elements and <br>', () => {
    expect(blocksOf('<div>Walter<div>Krivitsky</div></div><p>Joseph<br>Hansen</p>')).toEqual(['Walter', 'Krivitsky', 'Joseph', 'Hansen']);
  });
  it('skips scripts, styles, form fields, code and editable regions', () => {
    const html = `<p>Stalin</p><script>var Trotsky = 1</script><style>.Yezhov{}</style><noscript>Beria</noscript>
      <textarea>Orlov</textarea><input value="Reiss"><select><option>Lenin</option></select>
      <code>Hansen</code><pre>Mercader</pre><kbd>Dies</kbd><samp>Cot</samp><template><p>Blum</p></template>
      <div contenteditable="true">Browder</div><dramatis-ui>Krivitsky</dramatis-ui><p>Cornell</p>`;
    expect(blocksOf(html)).toEqual(['Stalin', 'Cornell']);
  });
  it('keeps captions, quotes, lists, tables and headings', () => {
    const html =
      '<h2>Yezhov</h2><figure><figcaption>Yagoda</figcaption></figure><blockquote><p>Beria</p></blockquote><ul><li>Orlov</li></ul><table><tr><td>Reiss</td></tr></table>';
    expect(blocksOf(html)).toEqual(['Yezhov', 'Yagoda', 'Beria', 'Orlov', 'Reiss']);
  });
  it('maps block offsets back to text nodes', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>Joseph <b>Hansen</b> left</p></body></html>');
    const [block] = extractBlocks(document.body as unknown as DomNode);
    expect(locate(block!, 0)).toEqual([0, 0]);
    expect(locate(block!, 7)).toEqual([1, 0]);
    expect(locate(block!, 12)).toEqual([1, 5]);
    expect(locate(block!, 14)).toEqual([2, 1]);
  });
  it('walks very deep pages without overflowing the stack', () => {
    const deep = '<span>'.repeat(20000) + 'Trotsky' + '</span>'.repeat(20000);
    expect(blocksOf(`<p>${deep}</p>`)).toEqual(['Trotsky']);
  });
});
