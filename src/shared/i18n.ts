/**
 * Every string a reader sees goes through here (browser.i18n), from the merged `messages.en.json`
 * fragments. Plurals: the browser's i18n has none, so a counted message has `_one` and `_other`
 * variants (and any other CLDR category a locale needs) chosen with Intl.PluralRules.
 */
import browser from 'webextension-polyfill';
import { useTranslator } from '../core/text/say';

type Sub = string | number;

/** The message for `key` with $1…$9 placeholders filled; the key itself if it is missing (a test keeps that from shipping). */
export function t(key: string, ...subs: Sub[]): string {
  // Unit tests run shared code in Node without the i18n API: there the key stands in for the text.
  const text = browser.i18n?.getMessage(key, subs.map(String));
  return text || key;
}

let rules: Intl.PluralRules | undefined;

/** A counted message: `${key}_one`, `${key}_other`… chosen by the UI language's plural rules, `n` as $1. */
export function tCount(key: string, n: number, ...subs: Sub[]): string {
  if (!browser.i18n) return key;
  rules ??= new Intl.PluralRules(browser.i18n.getUILanguage());
  const category = rules.select(n);
  const text = browser.i18n.getMessage(`${key}_${category}`, [n.toLocaleString(), ...subs.map(String)]);
  return text || browser.i18n.getMessage(`${key}_other`, [n.toLocaleString(), ...subs.map(String)]) || key;
}

/**
 * Routes src/core's sentences (pack, backup and sync problems: say()/sayCount() in
 * src/core/text/say.ts) through browser.i18n; done once when this module loads (below). A key the browser lacks gives '' here, so core falls back to its English text, not the key.
 */
export function translateCoreSentences(): void {
  const i18n = browser.i18n;
  if (!i18n) return; // Node (unit tests): core keeps its English table.
  useTranslator((key, subs) => i18n.getMessage(key, subs), i18n.getUILanguage());
}

// Every shell that shows text imports this module, so core's sentences are in the reader's language
// wherever they are built (the extension's bundles carry no English table of their own: say.ts).
translateCoreSentences();
