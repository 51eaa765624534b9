/** "How much is marked": density, the modifier key, and the marks' style (with a sample of each). */
import { MARK_STYLES } from '../core/protocol/messages';
import { t } from '../shared/i18n';
import { Choice } from './Choice';
import { densityOptions, modifierOptions } from './choices';
import { Section } from './Section';
import { updateSettings, useSettings } from './settings-store';

export function MarksSection() {
  const { settings } = useSettings();
  if (!settings) return null;
  const styles = MARK_STYLES.map((value) => ({
    value,
    label: { type: t('optionsStyleType'), quiet: t('optionsStyleQuiet'), dotted: t('optionsStyleDotted') }[value],
  }));
  return (
    <Section id="marks" title={t('optionsMarksTitle')} lead={t('optionsMarksLead')}>
      <Choice
        name="density"
        legend={t('optionsDensityLegend')}
        value={settings.density}
        options={densityOptions(settings.modifierKey)}
        onChange={(density) => void updateSettings({ density })}
      />
      <Choice
        name="modifierKey"
        legend={t('optionsModifierLegend')}
        value={settings.modifierKey}
        options={modifierOptions()}
        onChange={(modifierKey) => void updateSettings({ modifierKey })}
      />
      <fieldset class="choice">
        <legend>{t('optionsStyleLegend')}</legend>
        {styles.map((o) => (
          <label key={o.value}>
            <input
              type="radio"
              name="markStyle"
              value={o.value}
              checked={settings.markStyle === o.value}
              onChange={() => void updateSettings({ markStyle: o.value })}
            />
            <span>
              {o.label}{' '}
              <span class={`sample sample-${o.value}`} aria-hidden="true">
                <span class="m-person">{t('optionsMarkSamplePerson')}</span> <span class="m-place">{t('optionsMarkSamplePlace')}</span>{' '}
                <span class="m-organization">{t('optionsMarkSampleOrganization')}</span>
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
