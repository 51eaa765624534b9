/** The years a page is about, from the years it mentions. */

/** The span of years a page is about: its mentioned years from the 10th to the 90th percentile. */
export function yearSpan(years: readonly number[]): [number, number] | undefined {
  if (years.length === 0) return undefined;
  const at = (q: number) => years[Math.min(years.length - 1, Math.max(0, Math.round(q * (years.length - 1))))]!;
  return [at(0.1), at(0.9)];
}
