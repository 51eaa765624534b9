/** For a name that stays ambiguous on this page: the entities it may name, to pick from. */
import type { MatchEntity } from '../../core/index/format';
import { formatLifespan } from '../../core/dates';
import { t } from '../../shared/i18n';

export function CandidateList({ candidates, onChoose }: { candidates: MatchEntity[]; onChoose?: (id: string) => void }) {
  return (
    <div class="candidates">
      <h2 class="name">{t('cardWhichOne')}</h2>
      <ul>
        {candidates.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => onChoose?.(c.id)}>
              <strong>{c.name}</strong> <span class="span">{formatLifespan(c)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
