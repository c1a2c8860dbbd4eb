/**
 * Memoized Intl formatters.
 *
 * Constructing an Intl formatter costs far more than using one (it loads locale data), and the
 * shared clock re-renders every time on the page at once. Formatters are immutable, so one per
 * (kind, locale, options) is kept. The cache is bounded: a page that cycles through many locales or
 * time zones drops the oldest entries instead of growing without limit.
 */
const maxEntries = 64;
const cache = new Map<string, unknown>();

function memoize<T>(key: string, create: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

export function relativeTimeFormat(locale: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return memoize(`rtf|${locale}|${JSON.stringify(options)}`, () => new Intl.RelativeTimeFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memoize(`dtf|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  return memoize(`lf|${locale}|${JSON.stringify(options)}`, () => new Intl.ListFormat(locale, options));
}
