/**
 * The note-taking UI in the page: the selection toolbar and the editors, in the closed shadow root
 * (slot "panel") beside the card. Part of card.js, loaded on first need.
 */
import { computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { render, type VNode } from 'preact';
import cardCss from '../card/card.css';
import type { UiApi } from '../ui-host';
import { NoteEditor, type NoteEditorProps } from './NoteEditor';
import { SelectionToolbar, type SelectionToolbarProps } from './SelectionToolbar';
import { TrackNameForm, type TrackNameFormProps } from './TrackNameForm';

export class NotePanel {
  constructor(private readonly ui: UiApi) {}

  private open = false;
  private anchor: DOMRect | undefined;
  kind: 'toolbar' | 'editor' | undefined;

  private show(node: VNode, rect: DOMRect, kind: 'toolbar' | 'editor'): void {
    const ui = this.ui.attach(cardCss, 'panel');
    const mount = ui.mount('panel');
    render(node, mount);
    this.open = true;
    this.kind = kind;
    this.anchor = rect;
    const floating = mount.firstElementChild as HTMLElement | null;
    if (!floating) return;
    const reference: VirtualElement = { getBoundingClientRect: () => rect };
    void computePosition(reference, floating, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })] })
      .then(({ x, y }) => {
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

  get isOpen(): boolean {
    return this.open;
  }

  get lastAnchor(): DOMRect | undefined {
    return this.anchor;
  }

  close(): void {
    if (!this.open) return;
    render(null, this.ui.attach(cardCss, 'panel').mount('panel'));
    this.ui.release('panel');
    this.open = false;
    this.kind = undefined;
  }
}
