/**
 * Memoized Intl formatters (and what is learnt from them).
 *
 * Constructing an Intl formatter costs far more than using one (it loads locale data), and the
 * shared clock re-renders every time on the page at once. Formatters are immutable, so one per
 * (kind, locale, options) is kept. The cache is bounded: a page that cycles through many locales or
 * time zones drops the oldest entries instead of growing without limit.
 */

/**
 * A function that remembers up to `limit` values by key, made by `create` the first time (`undefined`
 * is never remembered); when full, the oldest is dropped.
 */
export function boundedCache<T>(limit: number): (key: string, create: () => T) => T {
  const values = new Map<string, T>();
  return (key, create) => {
    let value = values.get(key);
    if (value === undefined) {
      value = create();
      if (values.size >= limit) values.delete(values.keys().next().value!);
      values.set(key, value);
    }
    return value;
  };
}

/** The formatters, and the verdicts on them (see intl-support.ts). */
export const memoize: <T>(key: string, create: () => T) => T = boundedCache<any>(64);

/** The relative-time formatter of the widgets: long words, "yesterday" rather than "1 day ago". */
export const relativeTimeFormat = (locale: string): Intl.RelativeTimeFormat =>
  memoize('r' + locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/**
 * A date formatter; `timeZone` undefined or empty is the visitor's zone. Always Gregorian: whether a
 * date shows its year is decided on the Gregorian year, and a regional tag can bring another calendar
 * (`ar-SA` is Hijri in some engines).
 */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat =>
  memoize(`d${locale} ${timeZone} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, { ...options, calendar: 'gregory', timeZone: timeZone || undefined }));

/** True when the formatter resolved to the language of `locale` (else it answers in another one). */
export const sameLanguage = (format: { resolvedOptions(): { locale: string } }, locale: string): boolean => {
  const language = (tag: string) => tag.split('-')[0]!.toLowerCase();
  return language(format.resolvedOptions().locale) == language(locale);
};
