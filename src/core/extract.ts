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

  // Iterative walk: a stack of [node, entering]. Deep pages cannot overflow the call stack.
  const stack: [DomNode, boolean][] = [[root, true]];
  const rootStack: DomNode[] = [];
  while (stack.length > 0) {
    if (ready.length > 0) yield* ready.splice(0);
    const [node, entering] = stack.pop()!;
    if (node.nodeType === TEXT) {
      const data = (node as DomText).data;
      if (data.length === 0) continue;
      if (!current) current = { text: '', nodes: [], starts: [], root: currentRoot };
      current.starts.push(current.text.length);
      current.nodes.push(node as T);
      current.text += data;
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const isBlock = node.nodeType === ELEMENT && BLOCK.has(node.nodeName.toUpperCase());
    if (entering) {
      if (node.nodeType === ELEMENT && node !== root && skipElement(node as DomElement)) continue;
      if (isBlock) {
        flush();
        rootStack.push(currentRoot);
        currentRoot = node;
      }
      stack.push([node, false]);
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, true]);
    } else if (isBlock) {
      flush();
      currentRoot = rootStack.pop() ?? currentRoot;
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
