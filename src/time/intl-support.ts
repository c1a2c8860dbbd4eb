/**
 * Does this browser's Intl really speak a locale? `supportedLocalesOf` is not enough to tell:
 * Debian's Chromium 156 claims Kazakh yet formats "-2 h" and "M05 3"; it has no Belarusian or Tatar
 * relative-time or date data at all and silently answers in English. So the decision is made on
 * what the formatter actually produces: the same language must be resolved, and a sample must come
 * out as words, not as a signed number with a unit symbol or a month number. Where it fails, the
 * caller falls back to the catalog's own ICU messages. Memoized per locale; no DOM.
 */
import { dateTimeFormat, relativeTimeFormat } from './intl-cache.js';

const relativeVerdicts = new Map<string, boolean>();
const dateVerdicts = new Map<string, boolean>();

const language = (tag: string) => tag.split('-')[0]!.toLowerCase();

function verdict(cache: Map<string, boolean>, locale: string, check: () => boolean): boolean {
  let result = cache.get(locale);
  if (result === undefined) {
    try {
      result = check();
    } catch {
      result = false;
    }
    cache.set(locale, result);
  }
  return result;
}

/** True when `Intl.RelativeTimeFormat` gives whole words in `locale` ("2 часа назад", not "-2 h"). */
export function intlSpeaksRelativeTime(locale: string): boolean {
  return verdict(relativeVerdicts, locale, () => {
    const format = relativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    if (language(format.resolvedOptions().locale) !== language(locale)) return false;
    const sample = format.format(-2, 'hour');
    return !/^[\s+\-\u2212]/u.test(sample) && /\p{L}{2,}/u.test(sample);
  });
}

/** True when `Intl.DateTimeFormat` names months in `locale` ("3 мая", not "M05 3"). */
export function intlSpeaksDates(locale: string): boolean {
  return verdict(dateVerdicts, locale, () => {
    const format = dateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    if (language(format.resolvedOptions().locale) !== language(locale)) return false;
    return !/\bM\d/u.test(format.format(Date.UTC(2026, 4, 3, 12)));
  });
}
