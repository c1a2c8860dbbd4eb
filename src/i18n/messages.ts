/**
 * UI messages: every word a widget prints comes from one locale's catalog.
 *
 * Catalogs load on demand (`loadCatalog`), so a page fetches the words of the locales it shows and
 * nothing else; only English, the fallback for any missing message, is bundled. A catalog comes in
 * two parts: the UI words, and the relative-time and date messages that only browsers whose Intl
 * lacks the language need. Messages made of text and `{name}` arguments are interpolated here
 * (exactly what intl-messageformat does with such elements); plural and select messages are
 * formatted by intl-messageformat (no ICU parser at run time), loaded with icu-format.ts only
 * where a catalog part has such messages.
 */
import type { LiteralElement, ArgumentElement, MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageKey } from './compiled/index.js';
import englishCore from './compiled/en.core.js';
import { catalogParts } from './compiled/parts.js';
import type { CatalogPart, Message } from './catalog-types.js';
import { canonicalTag, fallbackLocale, localeChain } from './locale-match.js';
import type { compile as Compile } from './icu-format.js';

export type { MessageKey };
export type MessageValues = Record<string, string | number>;

/** Which part of a catalog: the UI words, or the time messages for browsers without the language. */
export type CatalogPartName = 'core' | 'time';

/** Stored messages: text and arguments as their AST elements, the rest as shipped or registered. */
type Stored = (LiteralElement | ArgumentElement)[] | Exclude<Message, string>;

const catalogs = new Map<string, Record<string, Stored>>();
/** Parts being loaded, by "ru core", and those that finished (`true`; English's is bundled). */
const partStates = new Map<string, Promise<void> | true>([[fallbackLocale + ' core', true]]);
const catalogListeners = new Set<() => void>();
let compile: typeof Compile | undefined;
let formatterLoad: Promise<void> | undefined;

/** The keys of a shipped core part that is a list of messages (every one but English's), in order. */
const coreKeys = Object.keys(englishCore);

addPart(fallbackLocale, englishCore);

/** The locales a catalog exists for, such as `en` and `ru` (loaded or not). */
export const availableLocales = (): string[] => [...new Set([...Object.keys(catalogParts), ...catalogs.keys()])];

/** Each locale's tags to look a message up in, best first: its chain (see `localeChain`), then English. */
const lookupTags = new Map<string, string[]>();

/**
 * Worked out once per locale: every message formatted asks (each relative time where Intl lacks the
 * language, at every tick of the clock).
 */
const tagsFor = (locale: string): string[] => {
  let tags = lookupTags.get(locale);
  if (!tags) lookupTags.set(locale, (tags = [...localeChain(locale), fallbackLocale]));
  return tags;
};

/**
 * The shipped catalog that gives `locale` its messages: its own, or for a catalog the page registered,
 * the closest shipped one it falls back to (`zh-TW`: `zh-Hant`; `ru-RU`: `ru`). Complete, so nothing
 * after it in the chain is needed.
 */
const shippedLocale = (locale: string) => localeChain(locale).find((tag) => catalogParts[tag]) ?? locale;

/** The catalogs a message of `locale` is looked up in, best first; read each time, since loading or registering adds some. */
const catalogsFor = (locale: string) => tagsFor(locale).map((tag) => catalogs.get(tag) ?? {});

/** True when `loadCatalog(locale, parts)` has finished, so formatting in `locale` is synchronous. */
export const isCatalogLoaded = (locale: string, parts: readonly CatalogPartName[] = ['core']): boolean => {
  const shipped = shippedLocale(locale);
  return parts.every((part) => !catalogParts[shipped] || partStates.get(`${shipped} ${part}`) === true) && (!needsFormatter(locale) || !!compile);
};

/**
 * Loads the shipped catalog parts of `locale`, or of the shipped locale a registered one falls back
 * to (and intl-messageformat when they need it). Resolves when formatting in `locale` no longer waits
 * on the network; never rejects: a part that fails to load leaves the locale to English (its words
 * and times), with a console warning.
 */
export const loadCatalog = (locale: string, parts: readonly CatalogPartName[] = ['core']): Promise<void> =>
  Promise.all(parts.map((part) => loadPart(shippedLocale(locale), part))).then(() => (needsFormatter(locale) ? loadFormatter() : undefined));

function loadPart(locale: string, part: CatalogPartName): Promise<void> | true | undefined {
  const key = `${locale} ${part}`;
  const loader = catalogParts[locale]?.[+(part == 'time')];
  if (loader && !partStates.has(key))
    partStates.set(
      key,
      loader().then(
        (module) => {
          partStates.set(key, true);
          // Messages the page registered win over the shipped ones.
          addPart(locale, module.default, false);
          changed();
        },
        (error: unknown) => {
          partStates.set(key, true);
          // Without its words the locale is not offered at all: English throughout, never English
          // words around the browser's times in the locale ("Recent news", "9 часов назад").
          delete catalogParts[locale];
          catalogs.delete(locale);
          console.warn(`news-widgets: no "${locale}" messages (English is used):`, error);
        },
      ),
    );
  return partStates.get(key);
}

function addPart(locale: string, part: CatalogPart | Message[], override = true): void {
  const catalog = catalogs.get(locale) ?? {};
  for (const [key, message] of Array.isArray(part) ? part.map((message, index) => [coreKeys[index]!, message] as const) : Object.entries(part)) {
    if (override || !catalog[key])
      catalog[key] =
        typeof message == 'string'
          ? // "Источник: {source}" as literal and argument elements, without empty literals.
            message
              .split(/\{\s*([A-Za-z_]\w*)\s*\}/)
              .map((value, index) => ({ type: index % 2, value }) as LiteralElement | ArgumentElement)
              .filter((element) => element.type || element.value)
          : message;
  }
  catalogs.set(locale, catalog);
}

/** Text and plain arguments only: interpolated here, without intl-messageformat. */
const isSimple = (message: Stored): message is (LiteralElement | ArgumentElement)[] =>
  (message as MessageFormatElement[]).every((element) => element.type < 2);

/** True when some message of the locale (or of its fallbacks) needs intl-messageformat. */
const needsFormatter = (locale: string) => catalogsFor(locale).some((catalog) => Object.values(catalog).some((message) => !isSimple(message)));

const loadFormatter = () =>
  (formatterLoad ??= import('./icu-format.js').then((module) => {
    compile = module.compile;
    changed();
  }));

/** Formats the message `key` of `locale` (a locale with a catalog, see `matchLocale`). */
export const formatMessage = (locale: string, key: MessageKey, values: MessageValues = {}): string =>
  formatMessageToParts<string>(locale, key, values).join('');

/**
 * Formats a message whose arguments may be rich values (a lit template, a node), returning the
 * pieces in the order the locale puts them: "Источник: {source}" and "出典：{source}" both keep the
 * argument where the translator placed it, and the caller renders it as its own element.
 */
export function formatMessageToParts<T>(locale: string, key: MessageKey, values: Record<string, string | number | T>): (string | T)[] {
  // The locale's message, else its parents' (a registered `pt-BR` missing a key uses `pt`; `zh-TW`
  // uses `zh-Hant`, not Simplified `zh`), else English.
  const message = catalogsFor(locale).find((catalog) => catalog[key])?.[key] ?? [];
  if (isSimple(message)) {
    // What intl-messageformat makes of literals and plain arguments: the text, and each value as
    // it is (numbers as String() gives them, unformatted).
    return message.map((element) => {
      const value = element.type ? values[element.value] : element.value;
      return typeof value == 'number' ? String(value) : (value ?? '');
    });
  }
  // Only a message registered by the page can get here before intl-messageformat: it re-renders when that arrives.
  if (!compile) {
    void loadFormatter();
    return [];
  }
  const result = compile(message, locale).format<T>(values);
  return Array.isArray(result) ? result : [result];
}

/**
 * Adds a locale, or overrides messages of a shipped one, for every widget on the page; widgets
 * already shown re-render. Each message is a string whose only syntax is `{name}` arguments
 * ("Новости района", "Источник: {source}"), or an ICU AST precompiled with
 * `@formatjs/icu-messageformat-parser` for plural and select messages (the parser is not shipped,
 * to keep the bundles small). A new locale should give every key of the English catalog.
 */
export function registerMessages(locale: string, messages: Partial<Record<MessageKey, string | MessageFormatElement[]>>): void {
  // The same tags the widgets read from `lang` (`ru_RU` included), so a catalog registered under
  // the page's own spelling is the one its widgets find.
  const canonical = canonicalTag(locale);
  const language = canonical.split('-')[0]!;
  const knownLanguage = catalogs.has(language) || language in catalogParts;
  addPart(canonical, messages as CatalogPart);
  const catalog = catalogs.get(canonical)!;
  const missing = Object.keys(catalogs.get(fallbackLocale)!).filter((key) => !catalog[key]);
  if (missing.length && !knownLanguage) console.warn(`news-widgets: "${canonical}" lacks ${missing.join(', ')} (English is used)`);
  if (needsFormatter(canonical)) void loadFormatter();
  changed();
}

function changed(): void {
  catalogListeners.forEach((listener) => listener());
}

/** Calls `listener` whenever the catalogs change (a part loaded, `registerMessages`); returns the unsubscribe function. */
export function onCatalogsChanged(listener: () => void): () => void {
  catalogListeners.add(listener);
  return () => catalogListeners.delete(listener);
}
