/**
 * The settings as the options and welcome pages see them: one copy shared by every section (so
 * the modifier key chosen under "How much is marked" is the one "Cards" shows), read from the
 * background, written through it (which tells every open tab), and read again when the page
 * regains focus (the popup may have switched a site meanwhile).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/protocol/messages';
import { send } from '../shared/messaging';

let current: Settings | undefined;
let problem = '';
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

async function load(): Promise<void> {
  try {
    current = await send({ type: 'settings.get' });
    problem = '';
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  notify();
}

/** Writes a change; the background validates it, stores it and tells every open tab. */
export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  try {
    current = await send({ type: 'settings.set', patch });
    problem = '';
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  notify();
}

/** Re-reads the settings (after "delete everything" resets them). */
export const reloadSettings = load;

let started = false;

/** The current settings (undefined while loading) and the last error, re-rendered on every change. */
export function useSettings(): { settings: Settings | undefined; problem: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    if (!started) {
      started = true;
      void load();
      window.addEventListener('focus', () => void load());
    }
    return () => listeners.delete(listener);
  }, []);
  return { settings: current, problem };
}
