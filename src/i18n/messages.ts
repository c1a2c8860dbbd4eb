/**
 * UI messages: every word a widget prints comes from one locale's catalog, formatted by
 * intl-messageformat from ASTs compiled at build time (no ICU parser at run time).
 * Formatters are cached per locale and key because a relative-time tick re-renders every widget.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { compiledCatalogs, type MessageKey } from './compiled/index.js';
import type { CompiledCatalog } from './catalog-types.js';
import { fallbackLocale } from './locale-match.js';

export type { MessageKey };
export type MessageValues = Record<string, string | number>;

const catalogs = new Map<string, CompiledCatalog>(Object.entries(compiledCatalogs));
const formatters = new Map<string, IntlMessageFormat>();
const catalogListeners = new Set<() => void>();

/** The locales a catalog exists for, such as `en` and `ru`. */
export function availableLocales(): string[] {
  return [...catalogs.keys()];
}

/** Formats the message `key` of `locale` (a locale with a catalog, see `matchLocale`). */
export function formatMessage(locale: string, key: MessageKey, values?: MessageValues): string {
  return String(formatter(locale, key).format(values));
}

/**
 * Formats a message whose arguments may be rich values (a lit template, a node), returning the
 * pieces in the order the locale puts them: "Источник: {source}" and "出典：{source}" both keep the
 * argument where the translator placed it, and the caller renders it as its own element.
 */
export function formatMessageToParts<T>(locale: string, key: MessageKey, values: Record<string, string | number | T>): (string | T)[] {
  const result = formatter(locale, key).format<T>(values);
  return Array.isArray(result) ? result : [result];
}

function formatter(locale: string, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new IntlMessageFormat(findMessage(locale, key), locale);
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** The locale's message, else its language's (a registered `pt-BR` missing a key uses `pt`), else English. */
function findMessage(locale: string, key: MessageKey): MessageFormatElement[] {
  return catalogs.get(locale)?.[key] ?? catalogs.get(locale.split('-')[0]!)?.[key] ?? catalogs.get(fallbackLocale)![key]!;
}

/**
 * Adds a locale, or overrides messages of a shipped one, for every widget on the page; widgets
 * already shown re-render. Each message is a string whose only syntax is `{name}` arguments
 * ("Новости района", "Источник: {source}"), or an ICU AST precompiled with
 * `@formatjs/icu-messageformat-parser` for plural and select messages (the parser is not shipped,
 * to keep the bundles small). A new locale should give every key of the English catalog.
 */
export function registerMessages(locale: string, messages: Partial<Record<MessageKey, string | MessageFormatElement[]>>): void {
  const [canonical] = Intl.getCanonicalLocales(locale);
  const catalog: CompiledCatalog = { ...catalogs.get(canonical!) };
  for (const [key, message] of Object.entries(messages)) {
    if (message !== undefined) catalog[key] = typeof message === 'string' ? simpleMessage(message) : message;
  }
  const missing = Object.keys(catalogs.get(fallbackLocale)!).filter((key) => !catalog[key]);
  if (missing.length && !catalogs.has(canonical!.split('-')[0]!)) {
    console.warn(`news-widgets: the "${canonical}" messages lack ${missing.join(', ')}; English is used for them.`);
  }
  catalogs.set(canonical!, catalog);
  for (const cacheKey of [...formatters.keys()]) if (cacheKey.startsWith(`${canonical}\u0000`)) formatters.delete(cacheKey);
  catalogListeners.forEach((listener) => listener());
}

/** Calls `listener` whenever `registerMessages` changes the catalogs; returns the unsubscribe function. */
export function onCatalogsChanged(listener: () => void): () => void {
  catalogListeners.add(listener);
  return () => catalogListeners.delete(listener);
}

/** "Источник: {source}" as an AST: literals and plain arguments only. */
function simpleMessage(text: string): MessageFormatElement[] {
  return text
    .split(/\{\s*([A-Za-z_]\w*)\s*\}/)
    .map((piece, index): MessageFormatElement => (index % 2 ? { type: TYPE.argument, value: piece } : { type: TYPE.literal, value: piece }))
    .filter((element) => element.type !== TYPE.literal || element.value !== '');
}
