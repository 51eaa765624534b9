/** The years a page is about, from the years it mentions. */

/** The span of years a page is about: its mentioned years from the 10th to the 90th percentile. */
export function yearSpan(years: readonly number[]): [number, number] | undefined {
  if (years.length === 0) return undefined;
  const at = (q: number) => years[Math.min(years.length - 1, Math.max(0, Math.round(q * (years.length - 1))))]!;
  return [at(0.1), at(0.9)];
}

/** Fewer year mentions than this is no era: a lone date (a copyright line, a publication date) is not what a page is about. */
export const ERA_MIN_MENTIONS = 3;
/** A 10th-to-90th percentile span wider than this is a survey of many periods, not an era. */
export const ERA_MAX_SPAN = 200;

/**
 * The era a page is about, when it has one: the year span of yearSpan, only when enough years are
 * mentioned and they gather within ERA_MAX_SPAN years. Cards draw "the years this page is about" only then.
 */
export function pageEra(years: readonly number[]): [number, number] | undefined {
  if (years.length < ERA_MIN_MENTIONS) return undefined;
  const span = yearSpan(years);
  return span && span[1] - span[0] <= ERA_MAX_SPAN ? span : undefined;
}
