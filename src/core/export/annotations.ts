/** Passage notes as W3C Web Annotations (JSON-LD), for Hypothesis-style tools and annotation stores. */
import type { Note, PassageNote } from '../notes/model';
import { compareCodes, isoTime, type ExportOptions } from './group';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/markdown';
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  generated: string;
  generator: { type: 'Software'; name: 'Dramatis' };
  body?: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/**
 * A UUID (version 8, "custom") derived from text, for ids that must be IRIs and the same on every
 * export: FNV-1a run four times with different seeds gives 128 bits. Not cryptographic; it needs
 * only to be stable and unlikely to collide.
 */
export function stableUuid(text: string): string {
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x7f4a7c15]) {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Note ids are crypto.randomUUID()s; an id that is not one (hand-made, imported) still gets a valid urn:uuid. */
const noteIri = (id: string): string => `urn:uuid:${UUID.test(id) ? id.toLowerCase() : stableUuid(`note:${id}`)}`;

function annotation(note: PassageNote, generated: string): Annotation {
  const { quote, position } = note.target;
  const body: TextualBody[] = [];
  if (note.text.trim()) body.push({ type: 'TextualBody', value: note.text, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    id: noteIri(note.id),
    type: 'Annotation',
    motivation: note.text.trim() ? 'commenting' : 'highlighting',
    created: isoTime(note.created),
    modified: isoTime(note.updated),
    generated,
    generator: { type: 'Software', name: 'Dramatis' },
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: note.page.url,
      // Positions count characters of the text Dramatis extracts from the page, which may differ from
      // another tool's; the quote selector comes first because it is the one to trust.
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

/** The passage notes as one collection, ordered by page, then place on the page, then creation. */
export function annotationCollection(notes: Note[], options: Pick<ExportOptions, 'title' | 'exportedAt'>): AnnotationCollection {
  const passages = notes
    .filter((n): n is PassageNote => n.kind === 'passage')
    .sort(
      (a, b) =>
        compareCodes(a.page.url, b.page.url) ||
        a.target.position.start - b.target.position.start ||
        a.created - b.created ||
        compareCodes(a.id, b.id),
    );
  const generated = isoTime(options.exportedAt);
  const id = `urn:uuid:${stableUuid(`collection:${generated}:${passages.map((n) => n.id).join(',')}`)}`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.title,
    total: passages.length,
    first: {
      id: `urn:uuid:${stableUuid(`page:${id}`)}`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: passages.map((n) => annotation(n, generated)),
    },
  };
}

/** The collection as the text of a .jsonld file. */
export function notesToAnnotations(notes: Note[], options: Pick<ExportOptions, 'title' | 'exportedAt'>): string {
  return `${JSON.stringify(annotationCollection(notes, options), null, 2)}\n`;
}
