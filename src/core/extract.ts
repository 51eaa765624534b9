/**
 * What counts as page text, as an algorithm over any DOM-like tree, so the content script (real DOM)
 * and the CLI (linkedom in Node) extract exactly the same blocks. A block is a run of text between
 * block boundaries; inline markup inside it (<b>, <a>, <span>) does not split it, so
 * "Joseph <b>Hansen</b>" is one name. Cost: one iterative walk, O(nodes).
 */

/** The few DOM members extraction reads; satisfied by browser DOM and by linkedom. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}
export interface DomText extends DomNode {
  readonly data: string;
}
export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}

export interface Block<T extends DomText = DomText> {
  /** The block's text: its text nodes' data concatenated. */
  text: string;
  nodes: T[];
  /** starts[i]: offset in text where nodes[i] begins (ascending). */
  starts: number[];
  /** The element that bounds the block (nearest block-level ancestor). */
  root: DomNode;
  /**
   * True when the block is page chrome (isChromeElement): it stays page text (notes may be written on
   * it, the CLI's text holds it) but names in it are not detected or marked.
   */
  chrome?: boolean;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose content is never page text. */
export const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'IMG',
  'PICTURE',
  'SOURCE',
  'DIALOG',
  'DATALIST',
  'OUTPUT',
  'PROGRESS',
  'METER',
  // The extension's own UI hosts.
  'DRAMATIS-UI',
]);

/** Elements that end a name: a block boundary in the layout sense. */
export const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'LABEL',
  'RUBY',
  'RT',
  'RP',
]);

/**
 * Page chrome: the parts of a page around its text (menus, site header and footer, sidebars, bylines
 * and comment authors' names, related and most-read lists, reference lists, navigation boxes). Readers'
 * comments themselves are read: they discuss the article's people. Marking names there
 * pops cards while the pointer crosses a menu, and a cited author's first name ("Stenhouse, John") or a
 * newspaper's city ("The Washington Post" logo) is noise, not a mention. Known by the element, its ARIA
 * role, or a whole word of its class or id ("site-nav", "relatedLinks", "reflist"); never "ad" or
 * "header" as words: real pages wrap their whole article in "ad-portal" or "site_header".
 */
export const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'MENU']);
export const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search']);
export const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navbox',
  'navigation',
  'navmenu',
  'menu',
  'menubar',
  'submenu',
  'breadcrumb',
  'breadcrumbs',
  'sidebar',
  'rail',
  'masthead',
  'logo',
  'byline',
  'author',
  'share',
  'sharing',
  'social',
  'related',
  'recommended',
  'trending',
  'popular',
  'promo',
  'newsletter',
  'subscribe',
  'taboola',
  'outbrain',
  // Taboola's class prefix ("trc_rbox"): its boxes of sponsored links carry no other word.
  'trc',
  'tags',
  'pagination',
  'pager',
  'references',
  'reflist',
  'refbegin',
  'bibliography',
  'catlinks',
  'cookie',
]);

/** Chrome only as a whole token: "toc" is a table of contents, but a heading's "toc-backref" link is the heading. */
const CHROME_TOKENS = new Set(['toc']);
/** Words of the site's own frame: chrome outside an article, section or main, but an "entry-footer" inside one holds the article's tags. */
const FRAME_WORDS = new Set(['footer']);
/**
 * Words of lists of other pages: chrome even in a token that also says "article" ("c-article-most-popular",
 * "related-article-links"), where a layout word ("contentWithSidebar") gives way to the content word.
 */
const LIST_WORDS = new Set(['related', 'recommended', 'trending', 'popular', 'promo', 'taboola', 'outbrain', 'trc']);
/** Words that name a page's main text in a class or id ("article-body", "contentWithSidebar"). */
const CONTENT_WORDS = new Set(['content', 'article', 'body', 'main']);
/** Any chrome word anywhere in a class or id value: the quick test before the value is split into words. */
const CHROME_HINT = new RegExp([...CHROME_WORDS, ...CHROME_TOKENS, ...FRAME_WORDS].join('|'), 'i');
/** A class or id token of more words than this is a slug of a heading ("sharing-with-a-single-developer"), not a role. */
const MAX_TOKEN_WORDS = 4;

/** The words of one class or id token: "siteNav-top_2" gives site, nav, top, 2 (camelCase split, lower case). */
function tokenWords(token: string): string[] {
  return token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * True when the element's class or id calls it chrome: a token of at most MAX_TOKEN_WORDS words holds
 * a chrome word, and no token names main text (a wrapper "l-sidebar-fixed l-article-body-segment"
 * holds the article beside its sidebar; Mozilla's Readability reads such names the same way).
 */
function chromeByName(el: DomElement, inContent: boolean): boolean {
  const value = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  // Most elements hold none of the words anywhere: one regular-expression test, no split.
  if (!CHROME_HINT.test(value)) return false;
  let chrome = false;
  for (const token of value.split(/\s+/)) {
    const words = tokenWords(token);
    const list = words.length <= MAX_TOKEN_WORDS && words.some((w) => LIST_WORDS.has(w));
    if (!list && words.some((w) => CONTENT_WORDS.has(w))) return false;
    if (CHROME_TOKENS.has(token.toLowerCase())) chrome = true;
    if (words.length <= MAX_TOKEN_WORDS && words.some((w) => CHROME_WORDS.has(w) || (!inContent && FRAME_WORDS.has(w)))) chrome = true;
  }
  return chrome;
}

/**
 * True for an element that starts page chrome. `inContent`: inside an article, section or main, where
 * a <header> holds the article's own title and a <footer> its tags, and both are read (as in ARIA, only
 * the site's header and footer, outside them, are the page's banner and contentinfo).
 * An article is chrome only by its place (inside chrome), never by its class ("author-sarah").
 * Cost: two attribute reads and a split per element entered; no style or layout is read.
 */
export function isChromeElement(el: DomElement, inContent: boolean): boolean {
  const name = el.nodeName.toUpperCase();
  if (name === 'BODY' || name === 'HTML') return false; // body classes say "has-sidebar" for the whole page
  if (CHROME_TAGS.has(name) || ((name === 'HEADER' || name === 'FOOTER') && !inContent)) return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  return name !== 'ARTICLE' && name !== 'MAIN' && chromeByName(el, inContent);
}

/** Walk state carried into an element's children: inside chrome, inside an article/section/main. */
const IN_CHROME = 1;
const IN_CONTENT = 2;

function stateInside(el: DomElement, outer: number): number {
  const name = el.nodeName.toUpperCase();
  const role = el.getAttribute('role')?.trim().toLowerCase();
  // The page's main content is never chrome, whatever wraps it (a wrapper's class can mislead).
  if (name === 'MAIN' || role === 'main') return IN_CONTENT;
  let state = outer;
  if (!(state & IN_CHROME) && isChromeElement(el, (state & IN_CONTENT) !== 0)) state |= IN_CHROME;
  if (name === 'ARTICLE' || name === 'SECTION' || role === 'article') state |= IN_CONTENT;
  return state;
}

/** The state at a node from its ancestors (for a walk that starts inside the page: live updates). */
function stateAt(node: DomNode): number {
  const ancestors: DomElement[] = [];
  for (let n = node.parentNode; n; n = n.parentNode) if (n.nodeType === ELEMENT) ancestors.push(n as DomElement);
  let state = 0;
  for (let i = ancestors.length - 1; i >= 0; i--) state = stateInside(ancestors[i]!, state);
  return state;
}

function skipElement(el: DomElement): boolean {
  const name = el.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

/** True for a node inside skipped content (used for mutations arriving later). */
export function isInsideSkipped(node: DomNode): boolean {
  for (let n: DomNode | null = node.nodeType === ELEMENT ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === ELEMENT && skipElement(n as DomElement)) return true;
  }
  return false;
}

/** The nearest block-level ancestor (or the node itself), where a block's text starts. */
export function blockRootOf(node: DomNode): DomNode {
  for (let n: DomNode | null = node.nodeType === ELEMENT ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === ELEMENT && BLOCK.has(n.nodeName.toUpperCase())) return n;
    if (!n.parentNode) return n;
  }
  return node;
}

/**
 * Extracts the blocks under root. Blocks shorter than two letters are dropped; whitespace-only text
 * nodes still join (they are the spaces between inline elements).
 */
export function extractBlocks<T extends DomText = DomText>(root: DomNode): Block<T>[] {
  return [...walkBlocks<T>(root)];
}

/**
 * The same walk as a generator, so the content script can take blocks a few milliseconds at a time
 * and yield to the page in between (a 2 MB page must not freeze the main thread).
 */
export function* walkBlocks<T extends DomText = DomText>(root: DomNode): Generator<Block<T>, void, undefined> {
  const ready: Block<T>[] = [];
  let current: Block<T> | null = null;
  let currentRoot: DomNode = blockRootOf(root);

  const flush = () => {
    if (current && /[\p{L}\p{N}]{2}/u.test(current.text)) ready.push(current);
    current = null;
  };

  // Iterative walk in document order, one node per step (firstChild, nextSibling, and up through
  // `path`, the elements entered): deep pages cannot overflow the call stack, and no step costs
  // more than one node, so a body of 40,000 children is not listed in one go (in Firefox each
  // child read from a content script costs microseconds: 40,000 of them froze the page 0.3 s).
  const path: { node: DomNode; inside: number; chromeEdge: boolean; isBlock: boolean }[] = [];
  const leave = (entered: { chromeEdge: boolean; isBlock: boolean }) => {
    if (entered.isBlock || entered.chromeEdge) flush();
    if (entered.isBlock) currentRoot = rootStack.pop() ?? currentRoot;
  };
  const rootState = stateAt(root);
  const rootStack: DomNode[] = [];
  let node: DomNode | null = root;
  while (node) {
    if (ready.length > 0) yield* ready.splice(0);
    const outer = path.length > 0 ? path[path.length - 1]!.inside : rootState;
    if (node.nodeType === TEXT) {
      const data = (node as DomText).data;
      if (data.length > 0) {
        if (!current) current = { text: '', nodes: [], starts: [], root: currentRoot, chrome: (outer & IN_CHROME) !== 0 };
        current.starts.push(current.text.length);
        current.nodes.push(node as T);
        current.text += data;
      }
    } else if (
      (node.nodeType === ELEMENT || node.nodeType === 9 || node.nodeType === 11) &&
      !(node.nodeType === ELEMENT && node !== root && skipElement(node as DomElement))
    ) {
      const isBlock = node.nodeType === ELEMENT && BLOCK.has(node.nodeName.toUpperCase());
      const inside = node.nodeType === ELEMENT ? stateInside(node as DomElement, outer) : outer;
      // Chrome starting or ending inside a block (an inline byline) ends the block there too, so a
      // block is all chrome or none; its root stays the block element (live updates find it there).
      const chromeEdge = ((inside ^ outer) & IN_CHROME) !== 0;
      if (isBlock || chromeEdge) flush();
      if (isBlock) {
        rootStack.push(currentRoot);
        currentRoot = node;
      }
      const entered = { node, inside, chromeEdge, isBlock };
      if (node.firstChild) {
        path.push(entered);
        node = node.firstChild;
        continue;
      }
      leave(entered);
    }
    // On to the next sibling, leaving every element whose last child this was.
    let at: DomNode = node;
    node = null;
    while (at !== root) {
      if (at.nextSibling) {
        node = at.nextSibling;
        break;
      }
      const parent = path.pop();
      if (!parent) break;
      leave(parent);
      at = parent.node;
    }
  }
  flush();
  yield* ready.splice(0);
}

/** Maps an offset in a block's text to [node index, offset in that node]; binary search, O(log n). */
export function locate(block: Block<DomText>, offset: number): [number, number] {
  const starts = block.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo, offset - starts[lo]!];
}

/**
 * Blocks are joined into one page text with a blank line between them, so offsets run through one
 * string: the CLI's JSON output and the notes' text positions both count in it.
 */
export const BLOCK_SEPARATOR = '\n\n';

/** The page text of some blocks and where each block starts in it. */
export function joinBlocks(texts: readonly string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  texts.forEach((t, i) => {
    if (i > 0) text += BLOCK_SEPARATOR;
    starts.push(text.length);
    text += t;
  });
  return { text, starts };
}
