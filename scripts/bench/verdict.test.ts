import { describe, expect, it } from 'vitest';
import { verdict } from './verdict';

const under300 = (ms: number[]) => Math.max(...ms) < 300;

describe('a target in the bench', () => {
  it('is met or NOT met on measured values', () => {
    expect(verdict([120, 250], under300, 'x')).toBe('met');
    expect(verdict([120, 350], under300, 'x')).toBe('NOT met');
  });
  it('is "not measured" with the reason when a measurement failed, never met', () => {
    expect(verdict([-1, 120], under300, 'the notebook did not mark its first screen')).toBe(
      'not measured: the notebook did not mark its first screen',
    );
    expect(verdict([null, 120], under300, 'no mark')).toBe('not measured: no mark');
    expect(verdict([Number.NaN], under300, 'no mark')).toBe('not measured: no mark');
    expect(verdict([], under300, 'no runs')).toBe('not measured: no runs');
  });
});
