/** Why a card's name was linked, in a few words, from the resolver's reason code (core/match/why.ts). */
import { decodeWhy, WHY } from '../../core/match/why';
import { t } from '../../shared/i18n';

/** The reason as words; `why` absent means the entity's own name, which nothing else has. */
export function whyText(why: string | undefined): string | undefined {
  if (why === undefined) return t('correctionsWhyOwnName');
  const decoded = decodeWhy(why);
  if (!decoded) return undefined;
  const arg = decoded.arg ?? '';
  switch (decoded.code) {
    case WHY.correction:
      return t('correctionsWhyCorrection');
    case WHY.ownName:
      return t('correctionsWhyOwnName');
    case WHY.namedOnPage:
      return t('correctionsWhyNamedOnPage');
    case WHY.cue:
      return t('correctionsWhyCue', arg);
    case WHY.related:
      return t('correctionsWhyRelated', arg);
    case WHY.era:
      return t('correctionsWhyEra', arg);
    case WHY.title:
      return t('correctionsWhyTitle');
    case WHY.sameSense:
      return t('correctionsWhySameSense');
    case WHY.misspelling:
      return t('correctionsWhyMisspelling');
    case WHY.likeliest:
      return t('correctionsWhyLikeliest');
  }
}

export function WhyLine({ why }: { why?: string }) {
  const text = whyText(why);
  // Rendered as text nodes only: the argument comes from the page ("near: FBI").
  return text ? <span class="why">{t('correctionsWhyLabel', text)}</span> : null;
}
