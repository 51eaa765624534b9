/** The options page: one Section component per part, in the order a reader looks for them. */
import { t } from '../shared/i18n';
import { CorrectionsSection } from './CorrectionsSection';
import { SyncSection } from './SyncSection';

/** Each part of the page: its anchor, its title and the component that draws it. */
const SECTIONS: { id: string; title: () => string; render: () => preact.JSX.Element }[] = [
  { id: 'corrections', title: () => t('correctionsSectionTitle'), render: () => <CorrectionsSection /> },
  { id: 'sync', title: () => t('syncTitle'), render: () => <SyncSection /> },
];

export function OptionsPage() {
  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p>{t('optionsLead')}</p>
        {SECTIONS.length > 1 && (
          <nav aria-label={t('optionsContents')}>
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{s.title()}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      {SECTIONS.map((s) => (
        <div key={s.id}>{s.render()}</div>
      ))}
    </main>
  );
}
