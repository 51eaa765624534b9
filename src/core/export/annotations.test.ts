/** The W3C Web Annotation export (golden file: see test/fixtures/export/support.ts). */
import { notes, options, golden } from '../../../test/fixtures/export/support';
import { annotationCollection, notesToAnnotations, stableUuid } from './annotations';
import { describe, expect, it } from 'vitest';

describe('Web Annotation export', () => {
  const jsonld = notesToAnnotations(notes, options);

  it('matches the golden file', () => golden('annotations.jsonld', jsonld));

  it('is a W3C AnnotationCollection of the passage notes', () => {
    const doc = annotationCollection(notes, options);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(4);
    expect(doc.first.items).toHaveLength(4);
    const a = doc.first.items.find((i) => i.id === 'urn:uuid:3f1c2a9e-8b4d-4e6f-9a1b-2c3d4e5f6a70')!;
    expect(a.body).toEqual([
      expect.objectContaining({ type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' }),
      { type: 'TextualBody', value: 'defectors', purpose: 'tagging' },
      { type: 'TextualBody', value: 'nkvd', purpose: 'tagging' },
    ]);
    expect(a.target.source).toBe('https://en.wikipedia.org/wiki/Walter_Krivitsky');
    expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(a.created).toBe('2026-11-20T09:15:00.000Z');
    // A highlight without text has no body.
    const highlight = doc.first.items.find((i) => i.id === 'urn:uuid:a4b3c2d1-e5f6-4a7b-8c9d-0e1f2a3b4c5d')!;
    expect(highlight.motivation).toBe('highlighting');
    expect(highlight).not.toHaveProperty('body');
  });

  it('is deterministic, with valid ids', () => {
    expect(notesToAnnotations([...notes].reverse(), options)).toBe(jsonld);
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
  });
});
