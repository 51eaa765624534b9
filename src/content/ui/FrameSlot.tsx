/**
 * Where a card or an editor shows the reader's own content: an extension-origin frame (frame-link.ts),
 * created once per mount and sent each new view over its private port.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { FrameView, FromFrame } from '../../shared/frame-protocol';
import { FrameLink } from './frame-link';

export interface FrameSlotProps {
  view: FrameView;
  /** The frame's accessible name. */
  title: string;
  onEvent(event: FromFrame): void;
  /** After the frame's height changed; `first` once its content is first shown. */
  onSize?: (first: boolean) => void;
  /** Move keyboard focus into the frame once it loads (editors). */
  focus?: boolean;
}

export function FrameSlot({ view, title, onEvent, onSize, focus = false }: FrameSlotProps) {
  const holder = useRef<HTMLDivElement>(null);
  const link = useRef<FrameLink | undefined>(undefined);
  // The latest handlers, read when the frame speaks (the frame outlives renders).
  const handlers = useRef({ onEvent, onSize });
  handlers.current = { onEvent, onSize };
  useLayoutEffect(() => {
    const created = new FrameLink(
      title,
      (event) => handlers.current.onEvent(event),
      (first) => handlers.current.onSize?.(first),
      focus,
    );
    holder.current!.append(created.element);
    link.current = created;
    return () => created.destroy();
  }, []);
  useEffect(() => link.current?.show(view), [view]);
  return <div class="frame-slot" ref={holder} />;
}
