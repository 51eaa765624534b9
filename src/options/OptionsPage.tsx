/** The options page: one Section component per part, in the order a reader looks for them. */
import { t } from '../shared/i18n';
import { PacksSection } from './PacksSection';
import { Section } from './Section';

/** Each part of the page: its anchor, its title and the component that draws it. */
const SECTIONS: { id: string; title: () => string; render: () => preact.JSX.Element }[] = [
  {
    id: 'packs',
    title: () => t('packsTitle'),
    render: () => (
      <Section id="packs" title={t('packsTitle')} lead={t('packsLead')}>
        <PacksSection />
      </Section>
    ),
  },
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
