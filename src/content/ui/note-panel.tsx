/**
 * The note-taking UI in the page: the selection toolbar (in the closed shadow root, slot "panel",
 * beside the card) and the editors, whose fields are in the notes frame so the page never sees what
 * the reader types. Part of ui.js, loaded on first need.
 */
import { computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { render, type VNode } from 'preact';
import type { FromFrame } from '../../shared/frame-protocol';
import { t } from '../../shared/i18n';
import type { EditNoteRequest, PanelSurface, TrackNameRequest } from '../ui-contract';
import type { UiApi } from '../ui-host';
import uiCss from './ui.css';
import { FrameSlot } from './FrameSlot';
import { SelectionToolbar, type SelectionToolbarProps } from './SelectionToolbar';

export class NotePanel implements PanelSurface {
  constructor(private readonly ui: UiApi) {}

  private open = false;
  kind: 'toolbar' | 'editor' | undefined;
  private rect: DOMRect | undefined;

  private show(node: VNode, rect: DOMRect, kind: 'toolbar' | 'editor'): void {
    const ui = this.ui.attach(uiCss, 'panel');
    const mount = ui.mount('panel');
    if (kind !== this.kind) render(null, mount); // a new editor gets a new frame
    render(node, mount);
    this.open = true;
    this.kind = kind;
    this.rect = rect;
    this.place();
  }

  /** Places the panel against the selection; again when an editor's frame changes height. */
  private place(): void {
    const floating = this.ui.attach(uiCss, 'panel').mount('panel').firstElementChild as HTMLElement | null;
    const rect = this.rect;
    if (!floating || !rect) return;
    const reference: VirtualElement = { getBoundingClientRect: () => rect };
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
    });
  }

  showToolbar(rect: DOMRect, props: SelectionToolbarProps): void {
    this.show(<SelectionToolbar {...props} />, rect, 'toolbar');
  }

  private showEditor(rect: DOMRect, view: Parameters<typeof FrameSlot>[0]['view'], onEvent: (event: FromFrame) => void): void {
    // A fresh frame per editor: the previous one (toolbar or another editor) goes first.
    this.close();
    this.show(
      <div class="editor-box waiting">
        <FrameSlot
          title={t('frameEditorTitle')}
          view={view}
          focus
          onEvent={onEvent}
          onSize={(first) => {
            if (first) (this.ui.attach(uiCss, 'panel').mount('panel').firstElementChild as HTMLElement | null)?.classList.remove('waiting');
            this.place();
          }}
        />
      </div>,
      rect,
      'editor',
    );
  }

  editNote(rect: DOMRect, request: EditNoteRequest): void {
    this.showEditor(rect, { view: 'editor', note: request.note, isNew: request.isNew }, (event) => {
      if (event.type === 'close') request.onClose();
      if (event.type === 'saved') request.onSaved(event.noteId);
    });
  }

  trackName(rect: DOMRect, request: TrackNameRequest): void {
    this.showEditor(rect, { view: 'track', initialName: request.initialName }, (event) => {
      if (event.type === 'close') request.onClose();
      if (event.type === 'tracked') request.onTracked();
    });
  }

  close(): void {
    if (!this.open) return;
    render(null, this.ui.attach(uiCss, 'panel').mount('panel'));
    this.ui.release('panel');
    this.open = false;
    this.kind = undefined;
    this.rect = undefined;
  }
}
