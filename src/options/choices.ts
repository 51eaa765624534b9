/**
 * The options of the three choices the welcome page shares with the options page (where it runs,
 * how much is marked, when cards open), and the modifier key's names, as labelled radio options.
 */
import { CARD_TRIGGERS, DENSITIES, MODIFIER_KEYS, SITE_MODES, type ModifierKey } from '../core/protocol/messages';
import { t } from '../shared/i18n';

/** The key as the reader's keyboard names it (Option and Command on a Mac). */
export function keyName(key: ModifierKey): string {
  const mac = /Mac/i.test(navigator.platform);
  if (mac && key === 'Alt') return t('optionsKeyOption');
  if (mac && key === 'Meta') return t('optionsKeyCommand');
  return t(`optionsKey${key}`);
}

export const siteModeOptions = () =>
  SITE_MODES.map((value) => ({ value, label: t(value === 'all-except' ? 'optionsSiteModeAll' : 'optionsSiteModeListed') }));

export const densityOptions = (key: ModifierKey) =>
  DENSITIES.map((value) => ({
    value,
    label: {
      every: t('optionsDensityEvery'),
      block: t('optionsDensityBlock'),
      page: t('optionsDensityPage'),
      modifier: t('optionsDensityModifier', keyName(key)),
    }[value],
  }));

export const cardTriggerOptions = (key: ModifierKey) =>
  CARD_TRIGGERS.map((value) => ({
    value,
    label: {
      short: t('optionsCardShort'),
      normal: t('optionsCardNormal'),
      long: t('optionsCardLong'),
      modifier: t('optionsCardModifier', keyName(key)),
    }[value],
  }));

export const modifierOptions = () => MODIFIER_KEYS.map((value) => ({ value, label: keyName(value) }));
