/**
 * The sentences src/core builds for readers (pack, backup and sync problems). Core runs in Node too
 * (the CLI, unit tests), where there is no browser.i18n: so `say` formats from the English fragments
 * (the very `messages.en.json` files the build merges into _locales) unless a shell has routed it
 * through browser.i18n with `useTranslator` once at start-up. $1…$9 are filled as the browser fills them.
 */
import core from '../messages.en.json' with { type: 'json' };
import backup from '../export/messages.en.json' with { type: 'json' };
import packs from '../packs/messages.en.json' with { type: 'json' };
import sync from '../sync/messages.en.json' with { type: 'json' };

/**
 * The English table, for Node (the CLI, unit tests). The extension's bundles leave it out (the build
 * defines NODE_ENV as "production", so esbuild drops this and the JSON imports): there every key comes
 * from browser.i18n (src/shared/i18n.ts installs it), and ~15 KB less is parsed on every page.
 */
const ENGLISH: Record<string, { message: string }> = process.env.NODE_ENV === 'production' ? {} : { ...core, ...backup, ...packs, ...sync };

/** A key of core's message table (typed, so a misspelt key fails the typecheck). */
export type CoreKey = keyof typeof core | keyof typeof backup | keyof typeof packs | keyof typeof sync;
/** The base of a counted key: `packTooManyEntities` for `packTooManyEntities_one` / `_other`. */
export type CoreCountKey = CoreKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

type Sub = string | number;
/** What a shell gives: browser.i18n's message for a key, or '' when it has none. */
export type Translator = (key: string, subs: string[]) => string;

const english: Translator = (key, subs) => (ENGLISH[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

let translate: Translator = english;
let language = 'en';
let rules = new Intl.PluralRules('en');

/** Routes every core sentence through `fn` (a shell's browser.i18n), with `uiLanguage`'s plural rules and numbers. */
export function useTranslator(fn: Translator, uiLanguage = 'en'): void {
  translate = fn;
  language = uiLanguage;
  rules = new Intl.PluralRules(uiLanguage);
}

/** The sentence for `key` with $1…$9 filled; English when the translator has no such message, else the key (as t() does). */
export function say(key: CoreKey, ...subs: Sub[]): string {
  const list = subs.map(String);
  return translate(key, list) || english(key, list) || key;
}

/** Formats a number for a sentence as the UI language writes it (1,000 in English). */
export const sayNumber = (n: number): string => n.toLocaleString(language);

/** A counted sentence: `${key}_one`, `${key}_other`… chosen by the UI language's plural rules, `n` as $1. */
export function sayCount(key: CoreCountKey, n: number, ...subs: Sub[]): string {
  const list = [sayNumber(n), ...subs.map(String)];
  const exact = `${key}_${rules.select(n)}`;
  return translate(exact, list) || translate(`${key}_other`, list) || english(exact, list) || english(`${key}_other`, list) || key;
}
