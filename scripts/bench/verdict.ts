/** How the bench states a target: met, NOT met, or not measured (never a number standing in for a failure). */

/**
 * "met" or "NOT met" for a target; "not measured" with the reason when any value is missing or not
 * a finite non-negative number. A failed measurement is never "met".
 */
export function verdict(values: readonly (number | null | undefined)[], ok: (measured: number[]) => boolean, whyMissing: string): string {
  const measured = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0);
  if (values.length === 0 || measured.length !== values.length) return `not measured: ${whyMissing}`;
  return ok(measured) ? 'met' : 'NOT met';
}
