/**
 * browser.i18n for unit tests in Node: the merged messages.en.json fragments (tools/locales.ts),
 * with $1…$9 filled as the browser fills them, so a test reads the very sentence a reader sees.
 */
import { mergedMessages } from './locales';

export function i18nInNode(): { getMessage(key: string, subs?: string | string[]): string; getUILanguage(): string } {
  const messages = mergedMessages();
  return {
    getMessage(key, subs) {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      const text = messages[key]?.message ?? '';
      return text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
    },
    getUILanguage: () => 'en',
  };
}
