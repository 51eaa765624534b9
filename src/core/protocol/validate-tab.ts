/**
 * Boundary checks for the messages a tab's content script accepts (from the popup and the
 * background). Apart from validate.ts so content.js does not carry the background's request table.
 */
import { settingsPatchProblem } from '../settings';
import { bool, check, oneOf, shape, str, type Check } from './checks';
import type { TabRequest } from './messages';

const TAB_REQUESTS: Record<TabRequest['type'], Check> = {
  'page.step': shape({ direction: oneOf('next', 'previous') }),
  'page.notesChanged': shape({}),
  'page.summary': shape({}),
  'page.scrollTo': shape({ id: str(200) }),
  'page.setHighlights': shape({ on: bool }),
  'page.setSiteEnabled': shape({ on: bool }),
  'page.correctionsChanged': shape({}),
  'page.packsChanged': shape({}),
  'page.settings': shape({ settings: (v) => settingsPatchProblem(v) }),
};

export const TAB_REQUEST_TYPES = Object.keys(TAB_REQUESTS) as TabRequest['type'][];

export const validateTabRequest = (message: unknown) => check<TabRequest>(TAB_REQUESTS, message);
