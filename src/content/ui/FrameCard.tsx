/**
 * A card whose whole content is the reader's own (a noted passage, a tracked name): the card's box
 * in the closed root, its content in the notes frame. Hidden until the frame has drawn, so it never
 * flashes empty.
 */
import { useState } from 'preact/hooks';
import type { FrameView, FromFrame } from '../../shared/frame-protocol';
import { FrameSlot } from './FrameSlot';

export interface FrameCardProps {
  /** The card's accessible name (no personal text: that is in the frame). */
  label: string;
  view: FrameView;
  onEvent(event: FromFrame): void;
}

export function FrameCard({ label, view, onEvent }: FrameCardProps) {
  const [ready, setReady] = useState(false);
  return (
    <div class={ready ? 'card frame-card' : 'card frame-card waiting'} role="dialog" aria-label={label} tabIndex={-1}>
      <FrameSlot title={label} view={view} onEvent={onEvent} onSize={() => setReady(true)} />
    </div>
  );
}
