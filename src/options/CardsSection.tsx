/** "Cards": how long the pointer rests before a card opens, or only while the modifier key is held. */
import { t } from '../shared/i18n';
import { Choice } from './Choice';
import { cardTriggerOptions, keyName } from './choices';
import { Section } from './Section';
import { updateSettings, useSettings } from './settings-store';

export function CardsSection() {
  const { settings } = useSettings();
  if (!settings) return null;
  return (
    <Section id="cards" title={t('optionsCardsTitle')} lead={t('optionsCardsLead')}>
      <Choice
        name="cardTrigger"
        legend={t('optionsCardLegend')}
        value={settings.cardTrigger}
        options={cardTriggerOptions(settings.modifierKey)}
        onChange={(cardTrigger) => void updateSettings({ cardTrigger })}
      />
      <p class="muted small">{t('optionsCardsClosing', keyName(settings.modifierKey))}</p>
    </Section>
  );
}
