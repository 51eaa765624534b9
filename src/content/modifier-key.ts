/**
 * Whether the reader holds the modifier key they picked (Alt, Control, Shift or Meta), for the
 * "names light up while it is down" density and the "cards only while it is held" trigger. A key
 * released outside the page (another window took focus) counts as released.
 */
import type { ModifierKey } from '../core/protocol/messages';

export class ModifierKeyWatch {
  private down = false;
  private listening: AbortController | undefined;
  key: ModifierKey = 'Alt';

  constructor(private readonly onChange: (held: boolean) => void) {}

  get held(): boolean {
    return this.down;
  }

  /** Listens until stop() or until `session` aborts. Cost: one comparison per key event. */
  start(session: AbortSignal): void {
    if (this.listening || session.aborted) return;
    const listening = (this.listening = new AbortController());
    session.addEventListener('abort', () => this.stop(), { once: true, signal: listening.signal });
    const signal = listening.signal;
    window.addEventListener('keydown', (e) => this.set(e.key === this.key || this.modifierOf(e)), { capture: true, signal });
    window.addEventListener('keyup', (e) => this.set(e.key === this.key ? false : this.modifierOf(e)), { capture: true, signal });
    window.addEventListener('blur', () => this.set(false), { signal });
  }

  stop(): void {
    this.listening?.abort();
    this.listening = undefined;
    this.set(false);
  }

  /** The event's own modifier flag for our key: true while it is down whatever key this event is for. */
  private modifierOf(e: KeyboardEvent): boolean {
    return e.getModifierState(this.key);
  }

  private set(down: boolean): void {
    if (down === this.down) return;
    this.down = down;
    this.onChange(down);
  }
}
