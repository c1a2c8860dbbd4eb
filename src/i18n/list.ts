/**
 * Joins names into one phrase in the locale ("Иванов и Петров"). Where the browser's Intl.ListFormat
 * does not know the language (it would answer in English: "A and B"), the names are joined with
 * commas, which every language reads. No DOM.
 */
const formats = new Map<string, Intl.ListFormat | null>();

export function formatList(locale: string, items: readonly string[]): string {
  let format = formats.get(locale);
  if (format === undefined) {
    try {
      const candidate = new Intl.ListFormat(locale, { type: 'conjunction' });
      const resolved = candidate.resolvedOptions().locale.split('-')[0];
      format = resolved === locale.split('-')[0] ? candidate : null;
    } catch {
      format = null;
    }
    formats.set(locale, format);
  }
  return format ? format.format(items) : items.join(', ');
}
