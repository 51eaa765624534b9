/** The first-run welcome: what Dramatis does and does not do, the three choices that matter most, and a demo to hover. */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { Choice } from './Choice';
import { cardTriggerOptions, densityOptions, siteModeOptions } from './choices';
import { updateSettings, useSettings } from './settings-store';
import { WelcomeDemo } from './WelcomeDemo';

export function WelcomePage() {
  const { settings, problem } = useSettings();
  return (
    <main class="options welcome">
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p>{t('welcomeLead')}</p>
      </header>
      <section class="section" aria-labelledby="does-title">
        <h2 id="does-title">{t('welcomeDoesTitle')}</h2>
        <ul>
          <li>{t('welcomeDoes1')}</li>
          <li>{t('welcomeDoes2')}</li>
          <li>{t('welcomeDoes3')}</li>
        </ul>
        <h2 id="doesnt-title">{t('welcomeDoesNotTitle')}</h2>
        <ul aria-labelledby="doesnt-title">
          <li>{t('welcomeDoesNot1')}</li>
          <li>{t('welcomeDoesNot2')}</li>
          <li>{t('welcomeDoesNot3')}</li>
        </ul>
      </section>
      {settings && (
        <section class="section" aria-labelledby="choices-title">
          <h2 id="choices-title">{t('welcomeChoicesTitle')}</h2>
          <p class="lead">{t('welcomeChoicesLead')}</p>
          <div class="welcome-choices">
            <Choice
              name="siteMode"
              legend={t('welcomeWhereLegend')}
              value={settings.siteMode}
              options={siteModeOptions().map((o) => ({
                ...o,
                label: o.value === 'all-except' ? t('welcomeWhereAll') : t('welcomeWhereListed'),
              }))}
              onChange={(siteMode) => void updateSettings({ siteMode })}
            />
            <Choice
              name="density"
              legend={t('optionsMarksTitle')}
              value={settings.density}
              options={densityOptions(settings.modifierKey)}
              onChange={(density) => void updateSettings({ density })}
            />
            <Choice
              name="cardTrigger"
              legend={t('optionsCardLegend')}
              value={settings.cardTrigger}
              options={cardTriggerOptions(settings.modifierKey)}
              onChange={(cardTrigger) => void updateSettings({ cardTrigger })}
            />
          </div>
          <p class="muted small">
            {t('welcomeMoreOptions')} <a href={browser.runtime.getURL('options.html')}>{t('welcomeOpenOptions')}</a>
          </p>
        </section>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <section class="section" aria-labelledby="try-title">
        <h2 id="try-title">{t('welcomeTryTitle')}</h2>
        <p class="lead">{t('welcomeTryLead')}</p>
        {settings && <WelcomeDemo settings={settings} />}
      </section>
    </main>
  );
}
