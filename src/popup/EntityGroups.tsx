/** The page's entities grouped by type, with mention counts; a click scrolls to the first mention. */
import type { EntityType } from '../core/dataset/types';
import type { PageEntitySummary } from '../core/protocol/messages';

const ORDER: [EntityType, string][] = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['event', 'Events'],
  ['work', 'Works'],
];

export function EntityGroups({ entities, onPick }: { entities: PageEntitySummary[]; onPick: (id: string) => void }) {
  if (entities.length === 0) return <p class="empty">No names from the dataset on this page.</p>;
  return (
    <div class="groups">
      {ORDER.map(([type, label]) => {
        const list = entities.filter((e) => e.type === type);
        if (list.length === 0) return null;
        return (
          <section key={type} class={`group group-${type}`}>
            <h2>
              {label} <span class="count">{list.length}</span>
            </h2>
            <ul>
              {list.map((e) => (
                <li key={e.id}>
                  <button type="button" onClick={() => onPick(e.id)}>
                    <span class="entity-name">{e.name}</span>
                    <span class="mentions" aria-label={`${e.count} mentions`}>
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
