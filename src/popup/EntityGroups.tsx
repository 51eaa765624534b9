/** The page's entities grouped by type, with mention counts; a click scrolls to the first mention. */
import type { EntityType } from '../core/dataset/types';
import type { PageEntitySummary } from '../core/protocol/messages';
import { t, tCount } from '../shared/i18n';

/** Each type with the key of its group heading. */
const ORDER: [EntityType, string][] = [
  ['person', 'popupGroupPeople'],
  ['organization', 'popupGroupOrganizations'],
  ['place', 'popupGroupPlaces'],
  ['event', 'popupGroupEvents'],
  ['work', 'popupGroupWorks'],
];

export function EntityGroups({ entities, onPick }: { entities: PageEntitySummary[]; onPick: (id: string) => void }) {
  if (entities.length === 0) return <p class="empty">{t('popupNoNames')}</p>;
  return (
    <div class="groups">
      {ORDER.map(([type, label]) => {
        const list = entities.filter((e) => e.type === type);
        if (list.length === 0) return null;
        return (
          <section key={type} class={`group group-${type}`}>
            <h2>
              {t(label)} <span class="count">{list.length}</span>
            </h2>
            <ul>
              {list.map((e) => (
                <li key={e.id}>
                  <button type="button" onClick={() => onPick(e.id)}>
                    <span class="entity-name">{e.name}</span>
                    <span class="mentions" aria-label={tCount('popupMentions', e.count)}>
                      {e.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
