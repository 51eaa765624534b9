/**
 * On a page with no history (resolve.ts quietPage: a recipe, a product review) a place named as what
 * a quantity measures is an ingredient or a product: "2 teaspoons of Dijon mustard", "200 g of
 * Parmesan", "3 bottles of Bordeaux". Its card is noise there, so it is not linked. On a page with
 * history the rule does not apply ("3 provinces of France" stays France). Cost: O(1).
 */
import type { MatchEntity } from '../index/format';
import type { TokenScan } from '../text/scan';
import type { Candidate } from './matcher';

/** "<number> <unit> of" right before the candidate: "2 teaspoons of", "1/2 cup of", "200 g of". */
export function afterQuantity(tokens: TokenScan, c: Candidate): boolean {
  const of = c.firstToken - 1;
  if (of < 2 || tokens.breakBefore(c.firstToken) || tokens.key(of) !== 'of' || tokens.breakBefore(of)) return false;
  const unit = of - 1;
  if (!/^[a-z]+$/.test(tokens.key(unit))) return false;
  const before = tokens.text.slice(Math.max(0, tokens.starts[unit]! - 8), tokens.starts[unit]!);
  return /(?:^|\s)(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔])\s*$/.test(before);
}

/** A place, on a page with no history, that a quantity measures. */
export function placeAsIngredient(e: MatchEntity, tokens: TokenScan, c: Candidate, quiet: boolean): boolean {
  return e.type === 'place' && quiet && afterQuantity(tokens, c);
}
