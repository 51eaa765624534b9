/**
 * card.js: the hover card (Preact, Floating UI, the card components and styles), loaded by the
 * content script on the first hover so pages where no card opens never pay for it.
 */
export { CardView } from '../card-view';
export { NotePanel } from '../panel/panel';
