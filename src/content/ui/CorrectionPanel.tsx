/**
 * "Not this?": the reader picks the entity a name means (its namesakes, or any entity found by
 * name) or says it is not a name here, for this page, this site or everywhere.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorrectionScope } from '../../core/corrections';
import type { MatchEntity } from '../../core/index/format';
import { t } from '../../shared/i18n';
import type { CorrectionChoice, Send } from '../ui-contract';
import { EntityChoices } from './EntityChoices';

export interface CorrectionPanelProps {
  surface: string;
  formKey?: string;
  currentId?: string;
  send: Send;
  onCorrect: (choice: CorrectionChoice) => Promise<void>;
  onCancel: () => void;
}

const SEARCH_DELAY_MS = 150;

export function CorrectionPanel({ surface, formKey, currentId, send, onCorrect, onCancel }: CorrectionPanelProps) {
  const [scope, setScope] = useState<CorrectionScope>('page');
  const [key, setKey] = useState<string | undefined>(formKey);
  const [namesakes, setNamesakes] = useState<MatchEntity[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<MatchEntity[]>([]);
  const [state, setState] = useState<{ saving: boolean; error?: string }>({ saving: false });
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    let live = true;
    // Namesakes only: the search by name waits until the reader types.
    send({ type: 'names.search', query: surface.slice(0, 200), limit: 0 })
      .then((r) => {
        if (!live) return;
        setKey((k) => k ?? r.key ?? undefined);
        setNamesakes(r.namesakes.filter((e) => e.id !== currentId));
      })
      .catch((err: unknown) => live && setState({ saving: false, error: String(err instanceof Error ? err.message : err) }));
    return () => {
      live = false;
    };
  }, [surface]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      send({ type: 'names.search', query: q.slice(0, 200) })
        .then((r) => live && setFound([...r.namesakes, ...r.matches].filter((e) => e.id !== currentId).slice(0, 12)))
        .catch(() => live && setFound([]));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const choose = (entityId: string | null, entityName?: string) => {
    if (!key || state.saving) return;
    setState({ saving: true });
    onCorrect({ key, scope, entityId, entityName }).catch((err: unknown) =>
      setState({ saving: false, error: t('correctionsFailed', err instanceof Error ? err.message : String(err)) }),
    );
  };

  const host = location.hostname;
  const scopes: [CorrectionScope, string][] = [
    ['page', t('correctionsScopePage')],
    ...(host ? [['site', t('correctionsScopeSite', host)] as [CorrectionScope, string]] : []),
    ['everywhere', t('correctionsScopeEverywhere')],
  ];
  const headingId = 'dramatis-correction-title';
  return (
    <div class="correction-panel" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} class="correction-title">
        {t('correctionsPanelLabel', surface)}
      </h3>
      <fieldset class="scopes">
        <legend>{t('correctionsScopeLegend')}</legend>
        {scopes.map(([value, label], i) => (
          <label key={value}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="dramatis-correction-scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {namesakes && namesakes.length > 0 && <EntityChoices title={t('correctionsNamesakes')} entities={namesakes} onPick={choose} />}
      {namesakes && namesakes.length === 0 && <p class="correction-note">{t('correctionsNoNamesakes')}</p>}
      <input
        class="correction-search"
        type="search"
        aria-label={t('correctionsSearchLabel')}
        placeholder={t('correctionsSearchLabel')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {found.length > 0 && <EntityChoices title={t('correctionsSearchResults')} entities={found} onPick={choose} />}
      {query.trim().length >= 2 && found.length === 0 && <p class="correction-note">{t('correctionsNothingFound', query.trim())}</p>}
      {state.error && (
        <p class="correction-error" role="alert">
          {state.error}
        </p>
      )}
      <div class="correction-actions">
        {/* Disabled until the name's form key is known (one background answer away). */}
        <button type="button" class="secondary" disabled={state.saving || !key} onClick={() => choose(null)}>
          {t('correctionsNotAName')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('correctionsCancel')}
        </button>
      </div>
      {state.saving && (
        <p class="correction-note" role="status">
          {t('correctionsSaving')}
        </p>
      )}
    </div>
  );
}
