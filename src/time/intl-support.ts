/**
 * Does this browser's Intl really speak a locale? `supportedLocalesOf` is not enough to tell:
 * Debian's Chromium 156 claims Kazakh yet formats "-2 h" and "M05 3"; it has no Belarusian or Tatar
 * relative-time or date data at all and silently answers in English. So the decision is made on
 * what the formatter actually produces: the same language must be resolved, and a sample must come
 * out as words, not as a signed number with a unit symbol or a month number. Where it fails, the
 * caller falls back to the catalog's own ICU messages. Memoized per locale; no DOM. (Every supported
 * browser has both formatters: README, Browser support.)
 */
import { dateTimeFormat, memoize, relativeTimeFormat, sameLanguage } from './intl-cache.js';

/** True when `Intl.RelativeTimeFormat` gives whole words in `locale` ("2 часа назад", not "-2 h"). */
export const intlSpeaksRelativeTime = (locale: string): boolean =>
  memoize('R' + locale, () => {
    const format = relativeTimeFormat(locale);
    const sample = format.format(-2, 'hour');
    return sameLanguage(format, locale) && !/^[\s+\-\u2212]/.test(sample) && /\p{L}{2}/u.test(sample);
  });

/** True when `Intl.DateTimeFormat` names months in `locale` ("3 мая", not "M05 3"). */
export const intlSpeaksDates = (locale: string): boolean =>
  memoize('D' + locale, () => {
    const format = dateTimeFormat(locale, { day: 'numeric', month: 'long' }, 'UTC');
    return sameLanguage(format, locale) && !/\bM\d/.test(format.format(Date.UTC(2026, 4, 3, 12)));
  });
