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
  it('flags no block of a plain page as chrome', () => {
    const { document } = parseHTML('<!doctype html><html><body><h1>Trotsky</h1><p>Stalin</p></body></html>');
    expect(extractBlocks(document.body as unknown as DomNode).map((b) => b.chrome)).toEqual([false, false]);
  });
  it('walks very deep pages without overflowing the stack', () => {
    const deep = '<span>'.repeat(20000) + 'Trotsky' + '</span>'.repeat(20000);
    expect(blocksOf(`<p>${deep}</p>`)).toEqual(['Trotsky']);
  });
});

/** [text, chrome] of each block of a page body. */
const chromeOf = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return extractBlocks(document.body as unknown as DomNode).map((b) => [b.text, b.chrome]);
};

describe('page chrome', () => {
  it('keeps menus, the site header and footer, sidebars and search in the text, flagged as chrome', () => {
    const html = `<header><a>Margins of the Century</a></header><nav><a>Home</a> <a>Russia</a></nav>
      <div role="navigation">Paris</div><ul role="menu"><li>Berlin</li></ul><form role="search"><label>Search</label></form>
      <p>Trotsky reached Mexico.</p><aside>Recent posts</aside><div role="complementary">Orlov</div>
      <footer>Site footer</footer><div role="contentinfo">Contact</div>`;
    expect(chromeOf(html)).toEqual([
      ['Margins of the Century', true],
      ['Home Russia', true],
      ['Paris', true],
      ['Berlin', true],
      ['Search', true],
      ['Trotsky reached Mexico.', false],
      ['Recent posts', true],
      ['Orlov', true],
      ['Site footer', true],
      ['Contact', true],
    ]);
  });

  it("reads an article's own header and footer (its title and tags), as ARIA does", () => {
    const html = `<article><header><h1>Krivitsky in Washington</h1></header><p>Body</p>
      <footer class="entry-footer">Tagged Krivitsky, Trotsky</footer></article>
      <section><header>Section title</header></section><div class="site-footer">Copyright</div>`;
    expect(chromeOf(html)).toEqual([
      ['Krivitsky in Washington', false],
      ['Body', false],
      ['Tagged Krivitsky, Trotsky', false],
      ['Section title', false],
      ['Copyright', true],
    ]);
  });

  it('knows chrome by a whole word of its class or id, camelCase and hyphens split', () => {
    const html = `<div class="site-nav">A1</div><div id="relatedLinks">A2</div><div class="comment-author vcard">Ines</div>
      <div class="reflist"><ol><li>Wilson, John (2009)</li></ol></div><ol class="references"><li>Stenhouse, John</li></ol>
      <table class="navbox"><tr><td>Tonga</td></tr></table><div id="catlinks">Categories</div><div class="c-share">Share</div>
      <section class="c-article-most-popular">Most read</section><ul class="related-article-links"><li>More on Amazon</li></ul>
      <div id="trc_wrapper_63835">Sponsored</div>
      <div class="navigator">B1</div><div class="sidebars-are-fun-here-too">B2</div><div class="comment-content">B3</div><p class="byword">B4</p>`;
    expect(chromeOf(html)).toEqual([
      ['A1', true],
      ['A2', true],
      ['Ines', true],
      ['Wilson, John (2009)', true],
      ['Stenhouse, John', true],
      ['Tonga', true],
      ['Categories', true],
      ['Share', true],
      ['Most read', true],
      ['More on Amazon', true],
      ['Sponsored', true],
      // Not whole words ("navigator", "byword"), a slug of five words, and a reader's comment itself.
      ['B1', false],
      ['B2', false],
      ['B3', false],
      ['B4', false],
    ]);
  });

  it('does not take a wrapper of the article for chrome', () => {
    const html = `<div class="l-sidebar-fixed l-article-body-segment"><p>Article one</p></div>
      <div id="contentWithSidebar"><p>Article two</p></div>
      <div class="panel-two-col-sidebar-right-mix"><p>Article three</p></div>
      <article class="post author-sarah"><p>Article four</p></article>
      <div class="menu-wrapper"><main><p>Article five</p></main></div>
      <div class="section" id="sharing-with-a-single-developer"><p>Article six</p></div>`;
    expect(chromeOf(html).map(([, chrome]) => chrome)).toEqual([false, false, false, false, false, false]);
  });

  it('reads a "toc-backref" heading link, but not a table of contents', () => {
    expect(chromeOf('<h2><a class="toc-backref">Evolve</a></h2><div id="toc">Contents</div>')).toEqual([
      ['Evolve', false],
      ['Contents', true],
    ]);
  });

  it('keeps chrome inside everything under it, an article included', () => {
    expect(chromeOf('<aside class="most-read"><article><h2>Stalin at Yalta</h2></article></aside>')).toEqual([['Stalin at Yalta', true]]);
  });

  it('ends a block where inline chrome starts and ends, so a block is all chrome or none', () => {
    expect(chromeOf('<p>Posted by <span class="byline">John Wilson</span> in Paris</p>')).toEqual([
      ['Posted by ', false],
      ['John Wilson', true],
      [' in Paris', false],
    ]);
  });

  it('knows the chrome around where a walk starts (a live update inside a menu)', () => {
    const { document } = parseHTML('<!doctype html><html><body><nav><ul><li id="item">Stalin</li></ul></nav></body></html>');
    const item = document.getElementById('item') as unknown as DomNode;
    expect(extractBlocks(item).map((b) => [b.text, b.chrome])).toEqual([['Stalin', true]]);
  });
});
