/**
 * The note-taking UI in the page: the selection toolbar and the editors, in the closed shadow root
 * (slot "panel") beside the card. Part of ui.js, loaded on first need.
 */
import { computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { render, type VNode } from 'preact';
import type { PanelSurface } from '../ui-contract';
import type { UiApi } from '../ui-host';
import uiCss from './ui.css';
import { NoteEditor, type NoteEditorProps } from './NoteEditor';
import { SelectionToolbar, type SelectionToolbarProps } from './SelectionToolbar';
import { TrackNameForm, type TrackNameFormProps } from './TrackNameForm';

export class NotePanel implements PanelSurface {
  constructor(private readonly ui: UiApi) {}

  private open = false;
  kind: 'toolbar' | 'editor' | undefined;

  private show(node: VNode, rect: DOMRect, kind: 'toolbar' | 'editor'): void {
    const ui = this.ui.attach(uiCss, 'panel');
    const mount = ui.mount('panel');
    render(node, mount);
    this.open = true;
    this.kind = kind;
    const floating = mount.firstElementChild as HTMLElement | null;
    if (!floating) return;
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

  editNote(rect: DOMRect, props: NoteEditorProps): void {
    this.show(<NoteEditor {...props} />, rect, 'editor');
  }

  trackName(rect: DOMRect, props: TrackNameFormProps): void {
    this.show(<TrackNameForm {...props} />, rect, 'editor');
  }

  close(): void {
    if (!this.open) return;
    render(null, this.ui.attach(uiCss, 'panel').mount('panel'));
    this.ui.release('panel');
    this.open = false;
    this.kind = undefined;
  }
}
