/**
 * UI messages: every word a widget prints comes from one locale's catalog, formatted by
 * intl-messageformat from ASTs compiled at build time (no ICU parser at run time).
 * Formatters are cached per locale and key because a relative-time tick re-renders every widget.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { compiledCatalogs, type MessageKey } from './compiled/index.js';
import type { CompiledCatalog } from './catalog-types.js';
import { fallbackLocale } from './locale-match.js';

export type { MessageKey };
export type MessageValues = Record<string, string | number>;

const catalogs = new Map<string, CompiledCatalog>(Object.entries(compiledCatalogs));
const formatters = new Map<string, IntlMessageFormat>();

/** The locales a catalog exists for, such as `en` and `ru`. */
export function availableLocales(): string[] {
  return [...catalogs.keys()];
}

/** Formats the message `key` of `locale` (a shipped locale, see `matchLocale`). */
export function formatMessage(locale: string, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    const catalog = catalogs.get(locale) ?? catalogs.get(fallbackLocale)!;
    formatter = new IntlMessageFormat(catalog[key] ?? catalogs.get(fallbackLocale)![key], locale);
    formatters.set(cacheKey, formatter);
  }
  return String(formatter.format(values));
}
