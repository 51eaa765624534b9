/** Popup entry: renders the Popup for the active tab. */
import { render } from 'preact';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);
