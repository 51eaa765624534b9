/** The options page: one Section component per part, in the order a reader looks for them. */
import { t } from '../shared/i18n';
import { CardsSection } from './CardsSection';
import { CorrectionsSection } from './CorrectionsSection';
import { DataSection } from './DataSection';
import { KindsSection } from './KindsSection';
import { MarksSection } from './MarksSection';
import { PacksSection } from './PacksSection';
import { Section } from './Section';
import { SitesSection } from './SitesSection';
import { SyncSection } from './SyncSection';
import { TrackedNamesSection } from './TrackedNamesSection';

/** Each part of the page: its anchor, its title and the component that draws it. */
const SECTIONS: { id: string; title: () => string; render: () => preact.JSX.Element }[] = [
  { id: 'sites', title: () => t('optionsSitesTitle'), render: () => <SitesSection /> },
  { id: 'marks', title: () => t('optionsMarksTitle'), render: () => <MarksSection /> },
  { id: 'kinds', title: () => t('optionsKindsTitle'), render: () => <KindsSection /> },
  { id: 'cards', title: () => t('optionsCardsTitle'), render: () => <CardsSection /> },
  { id: 'corrections', title: () => t('correctionsSectionTitle'), render: () => <CorrectionsSection /> },
  { id: 'tracked', title: () => t('optionsTrackedTitle'), render: () => <TrackedNamesSection /> },
  {
    id: 'packs',
    title: () => t('packsTitle'),
    render: () => (
      <Section id="packs" title={t('packsTitle')} lead={t('packsLead')}>
        <PacksSection />
      </Section>
    ),
  },
  { id: 'sync', title: () => t('syncTitle'), render: () => <SyncSection /> },
  { id: 'data', title: () => t('optionsDataTitle'), render: () => <DataSection /> },
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
