/** The notebook's query state and its results from the background, with "load more". */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { NoteQuery, NoteQueryResult } from '../core/notes/query';
import { send } from '../shared/messaging';

export const PAGE_SIZE = 50;

export function useNotes(query: NoteQuery): { result: NoteQueryResult | undefined; error: string; loadMore(): void; reload(): void } {
  const [result, setResult] = useState<NoteQueryResult>();
  const [error, setError] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(query);
  useEffect(() => setLimit(PAGE_SIZE), [key]);
  useEffect(() => {
    const ticket = ++latest.current;
    const started = performance.now();
    send({ type: 'notes.query', query: { ...query, offset: 0, limit } })
      .then((r) => {
        // Answers can arrive out of order while the reader types: keep only the newest.
        if (ticket !== latest.current) return;
        setResult(r);
        setError('');
        // Timings for npm run bench: the first screen after load, and each query's round trip.
        requestAnimationFrame(() => {
          if (!performance.getEntriesByName('notebook:first-screen').length) performance.mark('notebook:first-screen');
          performance.measure('notebook:query', { start: started, end: performance.now() });
        });
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [key, limit, generation]);
  return {
    result,
    error,
    loadMore: useCallback(() => setLimit((l) => Math.min(500, l + PAGE_SIZE)), []),
    reload: useCallback(() => setGeneration((g) => g + 1), []),
  };
}
