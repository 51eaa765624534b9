/** Notebook entry: every note, searchable, filterable, editable. */
import { render } from 'preact';
import { Notebook } from './Notebook';

render(<Notebook />, document.getElementById('app')!);
