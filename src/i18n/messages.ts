/**
 * UI messages: every word a widget prints comes from one locale's catalog.
 *
 * Catalogs load on demand (`loadCatalog`), so a page fetches the words of the locales it shows and
 * nothing else; only English, the fallback for any missing message, is bundled. A catalog comes in
 * two parts: the UI words, and the relative-time and date messages that only browsers whose Intl
 * lacks the language need. Messages made of text and `{name}` arguments are interpolated here
 * (exactly what intl-messageformat does with such elements); plural and select messages are
 * formatted by intl-messageformat from ASTs compiled at build time (no ICU parser at run time),
 * which is itself loaded only with a catalog part that has such messages.
 * Formatters are cached per locale and key because a relative-time tick re-renders every widget.
 */
import type { LiteralElement, ArgumentElement, MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import type { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './compiled/index.js';
import englishCore from './compiled/en.core.js';
import { catalogParts, shippedLocales } from './compiled/parts.js';
import type { CatalogPart, CompiledCatalog } from './catalog-types.js';
import { fallbackLocale } from './locale-match.js';

export type { MessageKey };

// The parser package's TYPE enum, as its two values used here: importing the enum itself would
// bundle the whole enum object with every page.
const literalType = 0 as TYPE.literal;
const argumentType = 1 as TYPE.argument;
export type MessageValues = Record<string, string | number>;

/** Which part of a catalog: the UI words, or the time messages for browsers without the language. */
export type CatalogPartName = 'core' | 'time';

const catalogs = new Map<string, CompiledCatalog>([[fallbackLocale, {}]]);
/** Parts being loaded or loaded, as "ru core"; and those that finished. */
const partLoads = new Map<string, Promise<void>>();
const finishedParts = new Set<string>([`${fallbackLocale} core`]);
const formatters = new Map<string, IntlMessageFormat>();
const catalogListeners = new Set<() => void>();
let formatterClass: typeof IntlMessageFormat | undefined;
let formatterLoad: Promise<void> | undefined;

addPart(fallbackLocale, englishCore);

/** The locales a catalog exists for, such as `en` and `ru` (loaded or not). */
export function availableLocales(): string[] {
  return [...new Set([...shippedLocales, ...catalogs.keys()])];
}

/** True when `loadCatalog(locale, parts)` has finished, so formatting in `locale` is synchronous. */
export function isCatalogLoaded(locale: string, parts: readonly CatalogPartName[] = ['core']): boolean {
  return parts.every((part) => !catalogParts[locale] || finishedParts.has(`${locale} ${part}`)) && (!needsFormatter(locale) || formatterClass !== undefined);
}

/**
 * Loads the shipped catalog parts of `locale` (and intl-messageformat when they need it). Resolves
 * when formatting in `locale` no longer waits on the network; never rejects: a part that fails to
 * load leaves its messages to English, with a console warning.
 */
export function loadCatalog(locale: string, parts: readonly CatalogPartName[] = ['core']): Promise<void> {
  return Promise.all(parts.map((part) => loadPart(locale, part))).then(() => (needsFormatter(locale) ? loadFormatter() : undefined));
}

function loadPart(locale: string, part: CatalogPartName): Promise<void> {
  const key = `${locale} ${part}`;
  const loader = catalogParts[locale]?.[part];
  if (!loader || finishedParts.has(key)) return Promise.resolve();
  let load = partLoads.get(key);
  if (!load) {
    load = loader().then(
      (module) => {
        finishedParts.add(key);
        // Messages the page registered win over the shipped ones.
        addPart(locale, module.default, false);
        changed();
      },
      (error: unknown) => {
        finishedParts.add(key);
        console.warn(`news-widgets: the "${locale}" messages could not be loaded; English is used.`, error);
      },
    );
    partLoads.set(key, load);
  }
  return load;
}

function addPart(locale: string, part: CatalogPart, override = true): void {
  const catalog = catalogs.get(locale) ?? {};
  for (const [key, message] of Object.entries(part)) {
    if (override || !catalog[key]) catalog[key] = typeof message === 'string' ? simpleMessage(message) : message;
  }
  catalogs.set(locale, catalog);
}

/** True when some message of the locale (or of its fallbacks) needs intl-messageformat. */
function needsFormatter(locale: string): boolean {
  return [locale, locale.split('-')[0]!, fallbackLocale].some((tag) => Object.values(catalogs.get(tag) ?? {}).some((message) => !isSimple(message)));
}

function loadFormatter(): Promise<void> {
  formatterLoad ??= import('intl-messageformat').then((module) => {
    formatterClass = module.IntlMessageFormat;
    changed();
  });
  return formatterLoad;
}

/** Formats the message `key` of `locale` (a locale with a catalog, see `matchLocale`). */
export function formatMessage(locale: string, key: MessageKey, values?: MessageValues): string {
  return formatMessageToParts<string>(locale, key, values ?? {}).join('');
}

/**
 * Formats a message whose arguments may be rich values (a lit template, a node), returning the
 * pieces in the order the locale puts them: "Источник: {source}" and "出典：{source}" both keep the
 * argument where the translator placed it, and the caller renders it as its own element.
 */
export function formatMessageToParts<T>(locale: string, key: MessageKey, values: Record<string, string | number | T>): (string | T)[] {
  const message = findMessage(locale, key);
  if (isSimple(message)) {
    // What intl-messageformat makes of literals and plain arguments: the text, and each value as
    // it is (numbers as String() gives them, unformatted).
    return message.map((element) => {
      if (element.type === literalType) return element.value;
      const value = values[element.value];
      return typeof value === 'number' ? String(value) : value ?? '';
    });
  }
  const formatter = formatterFor(locale, key, message);
  // Only a message registered by the page can get here before its formatter: it re-renders when it arrives.
  if (!formatter) return [];
  const result = formatter.format<T>(values);
  return Array.isArray(result) ? result : [result];
}

function isSimple(message: MessageFormatElement[]): message is (LiteralElement | ArgumentElement)[] {
  return message.every((element) => element.type === literalType || element.type === argumentType);
}

function formatterFor(locale: string, key: MessageKey, message: MessageFormatElement[]): IntlMessageFormat | undefined {
  if (!formatterClass) {
    void loadFormatter();
    return undefined;
  }
  const cacheKey = `${locale}\u0000${key}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new formatterClass(message, locale);
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** The locale's message, else its language's (a registered `pt-BR` missing a key uses `pt`), else English. */
function findMessage(locale: string, key: MessageKey): MessageFormatElement[] {
  return catalogs.get(locale)?.[key] ?? catalogs.get(locale.split('-')[0]!)?.[key] ?? catalogs.get(fallbackLocale)![key] ?? [];
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
  const language = canonical!.split('-')[0]!;
  const knownLanguage = catalogs.has(language) || language in catalogParts;
  addPart(canonical!, messages as CatalogPart);
  const catalog = catalogs.get(canonical!)!;
  const missing = Object.keys(catalogs.get(fallbackLocale)!).filter((key) => !catalog[key]);
  if (missing.length && !knownLanguage) {
    console.warn(`news-widgets: the "${canonical}" messages lack ${missing.join(', ')}; English is used for them.`);
  }
  if (needsFormatter(canonical!)) void loadFormatter();
  changed(canonical!);
}

function changed(locale?: string): void {
  for (const cacheKey of [...formatters.keys()]) if (!locale || cacheKey.startsWith(`${locale}\u0000`)) formatters.delete(cacheKey);
  catalogListeners.forEach((listener) => listener());
}

/** Calls `listener` whenever the catalogs change (a part loaded, `registerMessages`); returns the unsubscribe function. */
export function onCatalogsChanged(listener: () => void): () => void {
  catalogListeners.add(listener);
  return () => catalogListeners.delete(listener);
}

/** "Источник: {source}" as an AST: literals and plain arguments only. */
function simpleMessage(text: string): MessageFormatElement[] {
  return text
    .split(/\{\s*([A-Za-z_]\w*)\s*\}/)
    .map((piece, index): MessageFormatElement => (index % 2 ? { type: argumentType, value: piece } : { type: literalType, value: piece }))
    .filter((element) => element.type !== literalType || element.value !== '');
}
