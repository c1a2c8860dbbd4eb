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
  const [year, month, dayOfMonth, hours, minutes, seconds] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[] as [number, number, number, number, number, number];
  const milliseconds = Math.floor(Number(`0${match[7] ?? ''}`) * 1000);
  const zone = match[8] ?? 'Z';
  // Built from its parts, not by Date.parse: engines disagree on dates that do not exist
  // (30 February becomes 2 March in some, nothing in others). Those are no date at all here.
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month - 1)) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = Number(zone.slice(-2));
    if (zoneHours > 23 || zoneMinutes > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, dayOfMonth);
  date.setUTCHours(hours, minutes - offsetMinutes, seconds, milliseconds);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Days in `month` (0-11) of `year`, in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 1 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;
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
