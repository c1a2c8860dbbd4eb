/**
 * Defensive readers for third-party JSON: each takes `unknown` and returns a value of the promised
 * type or `undefined`, never throws. Normalizers are built from these so that a number where a title
 * should be, a null item or an object in a date field is skipped rather than crashing a widget.
 */
import type { Story } from './story.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string; finite numbers are accepted as text (ids and titles are sometimes numbers). */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

export function readArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A canonical BCP 47 tag, or `undefined` for anything that is not one. */
export function readLanguage(value: unknown): string | undefined {
  const text = readText(value);
  if (!text) return undefined;
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
}

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * An RFC 3339 / ISO 8601 date-time. A value without a zone is read as UTC (feeds that omit the zone,
 * like WordPress's `date_gmt`, mean UTC, and `Date.parse` would otherwise read it as the visitor's
 * local time in some engines and UTC in others). Anything else is `undefined`: an undated story
 * shows no time rather than a wrong one.
 */
export function readIsoDate(value: unknown): Date | undefined {
  const text = readText(value);
  const match = text ? rfc3339.exec(text) : null;
  if (!match) return undefined;
  const [, year, month, dayOfMonth, hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] = match;
  const normalizedZone = zone === 'z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(`${year}-${month}-${dayOfMonth}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4)}${normalizedZone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Sorts newest first; undated items keep their feed order after the dated ones. Stable. */
export function sortNewestFirst<T extends { published?: Date }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const aTime = a.item.published?.getTime();
      const bTime = b.item.published?.getTime();
      if (aTime === undefined || bTime === undefined) {
        if (aTime !== bTime) return aTime === undefined ? 1 : -1;
        return a.index - b.index;
      }
      return bTime - aTime || a.index - b.index;
    })
    .map(({ item }) => item);
}

/**
 * Normalizes each item with `read`, keeping the first story of each id and counting the rest (invalid
 * items and repeated ids) as skipped; the stories come out newest first.
 */
export function collectStories<T>(items: Iterable<T>, read: (item: T) => Story | undefined): { stories: Story[]; skipped: number } {
  const seenIds = new Set<string>();
  const stories: Story[] = [];
  let skipped = 0;
  for (const item of items) {
    const story = read(item);
    if (!story || seenIds.has(story.id)) {
      skipped++;
      continue;
    }
    seenIds.add(story.id);
    stories.push(story);
  }
  return { stories: sortNewestFirst(stories), skipped };
}
