/** "Where Dramatis runs": everywhere but the sites listed, or only on them; the list the mode reads, editable. */
import { useState } from 'preact/hooks';
import { hostFromInput } from '../core/settings';
import { t, tCount } from '../shared/i18n';
import { Choice } from './Choice';
import { siteModeOptions } from './choices';
import { Section } from './Section';
import { updateSettings, useSettings } from './settings-store';

export function SitesSection() {
  const { settings } = useSettings();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  if (!settings) return null;
  const listed = settings.siteMode === 'only-listed';
  const field = listed ? 'enabledSites' : 'disabledSites';
  const sites = settings[field];
  const add = (e: Event) => {
    e.preventDefault();
    const host = hostFromInput(draft);
    if (!host) {
      setError(t('optionsSitesInvalid', draft.trim()));
      return;
    }
    setError('');
    setDraft('');
    void updateSettings({ [field]: [...new Set([...sites, host])].sort() });
  };
  const remove = (host: string) => void updateSettings({ [field]: sites.filter((s) => s !== host) });
  return (
    <Section id="sites" title={t('optionsSitesTitle')} lead={t('optionsSitesLead')}>
      <Choice
        name="siteMode"
        legend={t('optionsSiteModeLegend')}
        value={settings.siteMode}
        options={siteModeOptions()}
        onChange={(siteMode) => void updateSettings({ siteMode })}
      />
      <h3 id="site-list-title">{listed ? t('optionsSitesOnTitle') : t('optionsSitesOffTitle')}</h3>
      {sites.length === 0 ? (
        <p class="muted">{listed ? t('optionsSitesNoneOn') : t('optionsSitesNoneOff')}</p>
      ) : (
        <ul class="site-list" aria-labelledby="site-list-title">
          {sites.map((host) => (
            <li key={host}>
              <span class="host">{host}</span>
              <button type="button" onClick={() => remove(host)} aria-label={t('optionsSitesRemoveLabel', host)}>
                {t('optionsSitesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label>
          <span>{t('optionsSitesAddLabel')}</span>
          <input type="text" value={draft} placeholder="example.org" onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('optionsSitesAdd')}</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="muted small">{tCount('optionsSitesOtherList', (listed ? settings.disabledSites : settings.enabledSites).length)}</p>
    </Section>
  );
}
