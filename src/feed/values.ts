/**
 * Defensive readers for third-party JSON: each takes `unknown` and returns a value of the promised
 * type or `undefined`, never throws. Normalizers are built from these so that a number where a title
 * should be, a null item or an object in a date field is skipped rather than crashing a widget.
 */
import { canonicalTag } from '../i18n/locale-match.js';
import type { Story } from './story.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value == 'object' && !!value && !Array.isArray(value);

/** A trimmed non-empty string; finite numbers are accepted as text (ids and titles are sometimes numbers). */
export const readText = (value: unknown): string | undefined =>
  (typeof value == 'number' && isFinite(value) ? '' + value : typeof value == 'string' ? value.trim() : '') || undefined;

export const readArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Whether `width` is a plausible width in pixels for an image size (of a `srcset`). */
export const isImageWidth = (width: unknown): width is number => Number.isInteger(width) && (width as number) > 0 && (width as number) <= 20_000;

/**
 * A canonical BCP 47 tag, or `undefined` for anything that is not one. Read as a page's `lang` is
 * (`canonicalTag`): a POSIX locale as CMSs write it (WordPress's `ru_RU`) names a language as surely
 * as `ru-RU` does.
 */
export function readLanguage(value: unknown): string | undefined {
  try {
    return canonicalTag(readText(value) ?? '');
  } catch {
    return undefined;
  }
}

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*([Zz]|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * An RFC 3339 / ISO 8601 date-time. A value without a zone is read as UTC (feeds that omit the zone,
 * like WordPress's `date_gmt`, mean UTC, and `Date.parse` would otherwise read it as the visitor's
 * local time in some engines and UTC in others). Anything else is `undefined`: an undated story
 * shows no time rather than a wrong one.
 */
export function readIsoDate(value: unknown): Date | undefined {
  const match = rfc3339.exec(readText(value) ?? '');
  if (!match) return undefined;
  // Numeric strings (or the defaults of absent parts): arithmetic and comparisons convert them.
  const [, year, month, day, hours = 0, minutes = 0, seconds = 0, fraction = 0, , sign, zoneHours = 0, zoneMinutes = 0] = match as unknown as number[];
  // Built from its parts, not by Date.parse: engines disagree on dates that do not exist
  // (30 February becomes 2 March in some, nothing in others). Those are no date at all here:
  // their month overflows into another.
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day);
  if (date.getUTCMonth() != month! - 1 || hours > 23 || minutes > 59 || seconds > 59 || zoneHours > 23 || zoneMinutes > 59) return undefined;
  date.setUTCHours(hours, minutes - ((sign as unknown) == '-' ? -1 : 1) * (zoneHours * 60 + +zoneMinutes), seconds, Math.floor(fraction * 1000));
  return date;
}

/** Sorts newest first, in place; undated items keep their feed order after the dated ones (the sort is stable). */
export const sortNewestFirst = <T extends { published?: Date }>(items: T[]): T[] =>
  items.sort((a, b) => (b.published?.getTime() ?? -Infinity) - (a.published?.getTime() ?? -Infinity));

/**
 * Normalizes each item with `read`, keeping the first story of each id and counting the rest (invalid
 * items and repeated ids) as skipped; the stories come out newest first.
 */
export function collectStories<T>(items: Iterable<T>, read: (item: T) => Story | undefined): { stories: Story[]; skipped: number } {
  const byId = new Map<string, Story>();
  let skipped = 0;
  for (const item of items) {
    const story = read(item);
    if (!story || byId.has(story.id)) skipped++;
    else byId.set(story.id, story);
  }
  return { stories: sortNewestFirst([...byId.values()]), skipped };
}
