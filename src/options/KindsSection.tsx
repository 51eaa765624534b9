/** "Which kinds": people, organizations, places, events and works, each marked or not. */
import { ENTITY_TYPES } from '../core/dataset/types';
import { t } from '../shared/i18n';
import { Section } from './Section';
import { updateSettings, useSettings } from './settings-store';

export function KindsSection() {
  const { settings } = useSettings();
  if (!settings) return null;
  return (
    <Section id="kinds" title={t('optionsKindsTitle')} lead={t('optionsKindsLead')}>
      <fieldset class="choice">
        <legend class="visually-hidden">{t('optionsKindsTitle')}</legend>
        {ENTITY_TYPES.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              name={`kind-${kind}`}
              checked={settings.kinds[kind]}
              onChange={(e) => void updateSettings({ kinds: { ...settings.kinds, [kind]: (e.target as HTMLInputElement).checked } })}
            />
            <span class={`kind-dot kind-${kind}`} aria-hidden="true" />
            {t(`optionsKind_${kind}`)}
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
