/**
 * ui.js: the hover card and the note panel (Preact, Floating UI, the components and their one
 * stylesheet), loaded by the content script on first need so pages where no card opens never pay for it.
 */
import type { UiModule } from '../ui-contract';
import { CardView } from './card-view';
import { NotePanel } from './note-panel';
import { AnchoredMarks } from '../anchored-marks';
export { anchorPassage, describePassage } from '../../core/notes/anchor';

export const createCard: UiModule['createCard'] = (context, send, ui) => new CardView(context, send, ui);
export const createPanel: UiModule['createPanel'] = (ui) => new NotePanel(ui);
export const createAnchoredMarks: UiModule['createAnchoredMarks'] = (ui) => new AnchoredMarks(ui);
