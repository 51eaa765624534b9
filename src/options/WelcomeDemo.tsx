/**
 * A short demo post inside the welcome page, so a new reader can try a hover at once. Content
 * scripts never run on extension pages, so the demo is drawn here: its text goes through the same
 * detection as any page (the background's `detect`), the same mark selection (core/marks.ts) under
 * the reader's current settings, and a hover, focus or click opens a small card of the same record.
 * Changing a choice above changes the demo at once.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardEntity, MatchEntity } from '../core/index/format';
import { selectMarks } from '../core/marks';
import type { Mention } from '../core/match/mention';
import type { Settings } from '../core/protocol/messages';
import { cardDelay } from '../core/settings';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { DemoCard } from './DemoCard';

const PARAGRAPHS = ['welcomeDemoP1', 'welcomeDemoP2', 'welcomeDemoP3'];

interface Detected {
  mentions: Mention[];
  entities: Record<string, CardEntity | MatchEntity>;
}

export function WelcomeDemo({ settings }: { settings: Settings }) {
  const texts = useMemo(() => PARAGRAPHS.map((k) => t(k)), []);
  const [found, setFound] = useState<Detected | undefined>(undefined);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<number | undefined>(undefined);
  const [held, setHeld] = useState(false);
  const timer = useRef(0);

  useEffect(() => {
    send({ type: 'detect', blocks: texts })
      .then((r) => setFound({ mentions: r.mentions, entities: r.entities }))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [texts]);

  // The modifier key, as on pages: names light up, or cards may open, while it is down.
  useEffect(() => {
    const key = settings.modifierKey;
    const down = (e: KeyboardEvent) => setHeld(e.key === key || e.getModifierState(key));
    const up = (e: KeyboardEvent) => setHeld(e.key === key ? false : e.getModifierState(key));
    const blur = () => setHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [settings.modifierKey]);

  if (error) return <p class="error">{t('welcomeDemoFailed', error)}</p>;
  if (!found) return <p class="muted">{t('welcomeDemoReading')}</p>;

  const typesOf = (m: Mention) =>
    m.id ? [found.entities[m.id]?.type ?? 'person'] : (m.candidates ?? []).flatMap((c) => found.entities[c]?.type ?? []);
  const marked = selectMarks(
    found.mentions.map((m) => ({ id: m.id, key: m.key, types: typesOf(m), block: m.block })),
    settings,
  );
  const visible = settings.density !== 'modifier' || held;
  const cardsAllowed = settings.cardTrigger !== 'modifier' || held;

  const hover = (i: number) => {
    window.clearTimeout(timer.current);
    if (!cardsAllowed) return;
    timer.current = window.setTimeout(() => setOpen(i), cardDelay(settings.cardTrigger));
  };
  const leave = () => window.clearTimeout(timer.current);

  const render = (text: string, block: number) => {
    const parts: preact.ComponentChild[] = [];
    let at = 0;
    found.mentions.forEach((m, i) => {
      if (m.block !== block || !marked[i] || !visible) return;
      parts.push(text.slice(at, m.start));
      const kind = m.id ? (found.entities[m.id]?.type ?? 'person') : 'ambiguous';
      parts.push(
        <button
          type="button"
          key={i}
          class={`demo-mark mark-${settings.markStyle} kind-${kind}`}
          aria-expanded={open === i}
          aria-controls="demo-card"
          onMouseEnter={() => hover(i)}
          onMouseLeave={leave}
          onFocus={() => setOpen(i)}
          onClick={() => setOpen(i)}
        >
          {text.slice(m.start, m.end)}
        </button>,
      );
      at = m.end;
    });
    parts.push(text.slice(at));
    return parts;
  };

  const current = open !== undefined ? found.mentions[open] : undefined;
  return (
    <div class="demo">
      <article class="demo-post" aria-label={t('welcomeDemoLabel')}>
        <h3>{t('welcomeDemoHeading')}</h3>
        {texts.map((text, block) => (
          <p key={block}>{render(text, block)}</p>
        ))}
      </article>
      {settings.density === 'modifier' && !held && <p class="muted small">{t('welcomeDemoHold')}</p>}
      <div id="demo-card" aria-live="polite">
        {current && <DemoCard mention={current} entities={found.entities} onClose={() => setOpen(undefined)} />}
      </div>
    </div>
  );
}
