/**
 * The link policy, defined once for every place that shows or exports a link: the card and the
 * notebook (rendered Markdown), the Markdown and Obsidian exports, and the links back to a page.
 */

/** Links inside a note's own text: web pages and mail. javascript:, data:, file: and the rest become text. */
const NOTE_LINK = /^(https?:|mailto:)/i;
/** The page a note was written on: a web page, or a local file the reader had open. */
const PAGE_URL = /^(https?|file):/i;

export const isSafeNoteLink = (url: string): boolean => NOTE_LINK.test(url.trim());
export const isPageUrl = (url: string): boolean => PAGE_URL.test(url.trim());
