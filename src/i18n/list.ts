/**
 * Joins names into one phrase in the locale ("Иванов и Петров"). Where the browser's Intl.ListFormat
 * does not know the language (it would answer in English: "A and B"), the names are joined with
 * commas, which every language reads. No DOM.
 */
import { memoize, sameLanguage } from '../time/intl-cache.js';

export function formatList(locale: string, items: readonly string[]): string {
  const format = memoize('l' + locale, () => {
    try {
      const candidate = new Intl.ListFormat(locale, { type: 'conjunction' });
      return sameLanguage(candidate, locale) ? candidate : null;
    } catch {
      return null;
    }
  });
  return format ? format.format(items) : items.join(', ');
}
