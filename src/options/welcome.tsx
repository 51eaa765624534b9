/** Welcome page entry (opened once, on install, by the background). */
import { render } from 'preact';
import { WelcomePage } from './WelcomePage';

render(<WelcomePage />, document.getElementById('app')!);
