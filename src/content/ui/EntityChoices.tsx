/** A titled list of entities to pick from in "Not this?": each a button with the entity's name and dates. */
import { formatLifespan } from '../../core/dates';
import type { MatchEntity } from '../../core/index/format';

export interface EntityChoicesProps {
  title: string;
  entities: MatchEntity[];
  onPick: (id: string, name: string) => void;
}

export function EntityChoices({ title, entities, onPick }: EntityChoicesProps) {
  return (
    <div class="correction-choices">
      <p class="correction-subtitle">{title}</p>
      <ul>
        {entities.map((e) => {
          const span = formatLifespan(e);
          return (
            <li key={e.id}>
              <button type="button" onClick={() => onPick(e.id, e.name)}>
                <strong>{e.name}</strong> {span && <span class="span">{span}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
