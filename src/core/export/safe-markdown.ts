/** Escaping for exports: plain text, URLs and YAML made inert, and the reader's Markdown kept but contained. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';

import { isPageUrl, isSafeNoteLink } from '../notes/safe-links';

/** Lone UTF-16 surrogates become U+FFFD: YAML, URLs and UTF-8 files cannot carry them. */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A YAML double-quoted scalar: quotes, backslashes and every line break or control character escaped. */
export function yamlString(value: string): string {
  // U+0085, U+2028 and U+2029 are line breaks to YAML, so they are escaped with the control characters.
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  const body = wellFormed(value).replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${body}"`;
}

/** YAML front matter from [key, value] pairs; a list value becomes a block list, empty lists are left out. */
export function frontMatter(props: [string, string | number | string[]][]): string {
  const lines = ['---'];
  for (const [key, value] of props) {
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      lines.push(`${key}:`, ...value.map((v) => `  - ${yamlString(v)}`));
    } else {
      lines.push(`${key}: ${typeof value === 'number' ? String(value) : yamlString(value)}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}

/**
 * Plain text for one line of Markdown (a heading, link text, a name): whitespace collapsed, and every
 * character that could start emphasis, a link, HTML, code, a heading's closing #s or a math span escaped.
 */
export function escapeInline(text: string): string {
  return (
    wellFormed(text)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\`*_[\]<>#~|$]/g, '\\$&')
      // "&amp;" would render as "&"; a lone "&" (Marx & Engels) is left alone.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  );
}

/** Plain text of several lines (a quoted passage, a description), with nothing that can open a block. */
export function escapeTextLines(text: string): string[] {
  const lines = wellFormed(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      escapeInline(line)
        // Line starts that open lists or setext underlines: "- ", "+ ", "=", "1937. ", "2)".
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d{1,9})([.)])/, '$1\\$2'),
    );
  // Runs of blank lines become one; none at either end.
  const out: string[] = [];
  for (const line of lines) if (line !== '' || (out.length > 0 && out[out.length - 1] !== '')) out.push(line);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** A Markdown block quote of plain text: every line prefixed, so nothing in the passage can leave it. */
export function quoteBlock(text: string): string {
  return escapeTextLines(text)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** A URL as a Markdown link destination: spaces, parentheses, angle brackets and controls percent-encoded. */
export function markdownUrl(url: string): string {
  // encodeURIComponent leaves ( and ) alone, so ASCII is encoded by hand.
  // eslint-disable-next-line no-control-regex -- control characters are what this encodes
  return wellFormed(url.trim()).replace(/[\s()<>\\"\u0000-\u001f\u007f]/g, (c) =>
    c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c),
  );
}

/** A link when the URL is a web or file address, else the escaped text alone. */
export function linkOrText(text: string, url: string): string {
  return isPageUrl(url) ? `[${escapeInline(text)}](${markdownUrl(url)})` : escapeInline(text);
}

/**
 * A tag as one valid #tag (Obsidian's rules): letters, digits, _, - and / only, spaces as hyphens.
 * An all-digit tag ("1937") gets a leading underscore, since Obsidian ignores tags with no letter.
 */
export function tagName(tag: string): string {
  const t = wellFormed(tag)
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}_/-]/gu, '')
    .replace(/^[-_/]+|[-_/]+$/g, '');
  return /^\d+$/.test(t) ? `_${t}` : t;
}

/** "#spain #purges", or "" when no tag survives. */
export function tagLine(tags: string[]): string {
  return [...new Set(tags.map(tagName).filter(Boolean))].map((t) => `#${t}`).join(' ');
}

/** After the note, a paragraph no block in the note may swallow (an unclosed ``` fence would). */
const SENTINEL = 'dramatisendofnote';
const MAX_ROUNDS = 25;

/**
 * The reader's Markdown, kept as Markdown but unable to change the structure of the file around it:
 * headings, thematic breaks and setext underlines are escaped, HTML is escaped, links and definitions
 * to anything but http(s)/mailto become text, and an unclosed code fence is closed. The text is
 * parsed (mdast), the offending characters backslash-escaped, and parsed again until clean; escaping
 * one construct can uncover another (a link inside a link), hence the rounds. If that does not settle,
 * the note is exported as plain text.
 */
export function safeNoteMarkdown(text: string): string {
  let md = wellFormed(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '\uFFFD')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  if (md === '') return '';
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tree = fromMarkdown(`${md}\n\n${SENTINEL}`);
    const offsets = new Set<number>();
    visit(tree, md, offsets);
    if (offsets.size > 0) {
      md = insertBackslashes(md, offsets);
      continue;
    }
    const last = tree.children[tree.children.length - 1];
    if (
      last?.type === 'paragraph' &&
      last.children.length === 1 &&
      last.children[0]?.type === 'text' &&
      last.children[0].value === SENTINEL
    )
      return md;
    const fence = openFence(tree.children, md);
    if (!fence) break;
    md += `\n${fence}`;
  }
  return escapeTextLines(text).join('\n');
}

/** Collects the offsets in md where a backslash makes a structural or unsafe construct plain text. */
function visit(node: Nodes, md: string, offsets: Set<number>): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined && start < md.length) {
    switch (node.type) {
      case 'heading': {
        // An ATX heading is one line; a setext heading is a paragraph plus its === or --- underline.
        const setext = md.slice(start, end).includes('\n');
        const from = setext ? md.lastIndexOf('\n', end - 1) + 1 : start;
        addFirst(md, from, setext ? '=-' : '#', offsets);
        break;
      }
      case 'thematicBreak':
        addFirst(md, start, '-*_', offsets);
        break;
      case 'html':
        for (let i = start; i < end; i++) if (md[i] === '<') offsets.add(i);
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (!isSafeNoteLink(node.url)) addFirst(md, start, '[<', offsets);
        break;
    }
  }
  if ('children' in node) for (const child of node.children) visit(child, md, offsets);
}

function addFirst(md: string, from: number, chars: string, offsets: Set<number>): void {
  for (let i = from; i < md.length; i++) {
    if (chars.includes(md[i]!)) {
      offsets.add(i);
      return;
    }
  }
}

function insertBackslashes(md: string, offsets: Set<number>): string {
  const sorted = [...offsets].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const at of sorted) {
    out += `${md.slice(from, at)}\\`;
    from = at;
  }
  return out + md.slice(from);
}

/** The closing fence when the note's last block is a code fence left open (it would swallow the rest of the file). */
function openFence(children: Nodes[], md: string): string | undefined {
  const last = children[children.length - 1];
  if (last?.type !== 'code' || last.position?.start.offset === undefined) return undefined;
  return /^ {0,3}(`{3,}|~{3,})/.exec(md.slice(last.position.start.offset))?.[1];
}
