/** Links back to where a note was written: the page, and for a passage its text fragment (#:~:text=). */
import type { Note } from './model';
import { isPageUrl } from './safe-links';

/** Percent-encodes a text-fragment term: encodeURIComponent plus the fragment syntax's own "-", ",", "&". */
function term(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

/** A text fragment directive for a quote: the whole quote when short, else its first and last words. */
export function textFragment(exact: string): string {
  const w = words(exact);
  if (w.length === 0) return '';
  if (exact.length <= 80 || w.length <= 8) return `:~:text=${term(w.join(' '))}`;
  return `:~:text=${term(w.slice(0, 4).join(' '))},${term(w.slice(-4).join(' '))}`;
}

/** Where a note links: its page, scrolled to the passage when it has one. */
export function noteLink(note: Note): string | undefined {
  const url = note.page?.url;
  if (!url || !isPageUrl(url)) return undefined;
  if (note.kind !== 'passage') return url;
  const fragment = textFragment(note.target.quote.exact);
  return fragment ? `${url}#${fragment}` : url;
}
