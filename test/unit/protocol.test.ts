import { describe, expect, it } from 'vitest';
import { validateRequest, validateTabRequest } from '../../src/core/protocol/validate';

describe('message validation at the boundary', () => {
  it('accepts well-formed requests', () => {
    expect(validateRequest({ type: 'detect', blocks: ['Trotsky'] }).ok).toBe(true);
    expect(validateRequest({ type: 'settings.set', patch: { highlightsEnabled: false } }).ok).toBe(true);
    expect(validateTabRequest({ type: 'page.setHighlights', on: true }).ok).toBe(true);
  });
  it('names what is wrong', () => {
    expect(validateRequest(null)).toEqual({ ok: false, error: 'message must be an object with a string "type"' });
    expect(validateRequest({ type: 'drop.tables' })).toEqual({ ok: false, error: 'unknown message type "drop.tables"' });
    expect(validateRequest({ type: 'detect', blocks: 'Trotsky' })).toEqual({ ok: false, error: 'detect: blocks must be an array' });
    expect(validateRequest({ type: 'detect', blocks: [1] })).toEqual({ ok: false, error: 'detect: blocks [0] must be a string of at most 8388608 characters' });
    expect(validateRequest({ type: 'settings.set', patch: { highlightsEnabled: 'yes' } })).toEqual({ ok: false, error: 'settings.set: patch highlightsEnabled must be true or false' });
    expect(validateRequest({ type: 'settings.get', extra: 1 })).toEqual({ ok: false, error: 'settings.get: has an unknown field "extra"' });
  });
  it('refuses prototype tricks and oversized input', () => {
    expect(validateRequest({ type: 'toString' }).ok).toBe(false);
    expect(validateRequest({ type: '__proto__' }).ok).toBe(false);
    const huge = 'x'.repeat(5 * 1024 * 1024);
    expect(validateRequest({ type: 'detect', blocks: [huge, huge] })).toEqual({ ok: false, error: 'detect: blocks must hold at most 8388608 characters in all' });
  });
});
