/**
 * Relative times ("9 часов назад", "9 hours ago", "через 2 часа") and the absolute dates that replace
 * them past a threshold. Pure functions of (date, now, locale): the caller owns the clock, which
 * keeps this module testable with fake timers and usable on a server. No DOM.
 *
 * Units: minutes under an hour, hours under a day, calendar days under the threshold (7 days by
 * default), then an absolute date. Counts are truncated toward zero, as people read them: 9 h 50 min
 * ago is "9 hours ago", never "10 hours ago" for an event that happened less than 10 hours ago.
 * Days are calendar days in the display time zone, so 26 hours ago at 01:00 is "the day before
 * yesterday", not "yesterday".
 *
 * Words come from the browser's Intl where it really speaks the locale (see intl-support.ts), else
 * from the locale's own catalog (ICU plural messages), so Kazakh in a Chromium without Kazakh data
 * still reads "2 сағат бұрын", never "-2 h" or English.
 */
import { formatMessage, type MessageKey } from '../i18n/messages.js';
import { dateTimeFormat, relativeTimeFormat } from './intl-cache.js';
import { intlSpeaksDates, intlSpeaksRelativeTime } from './intl-support.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export const defaultThresholdMs = 7 * day;

export interface TimeOptions {
  /** Beyond this distance from now (ms), an absolute date is shown. */
  thresholdMs?: number;
  /** IANA time zone for calendar days and absolute dates; the visitor's by default. */
  timeZone?: string;
}

export type TimeDescription =
  | { kind: 'relative'; value: number; unit: 'second' | 'minute' | 'hour' | 'day' }
  | { kind: 'absolute' };

/** Decides how `date` reads at `now`: a signed count of a unit (negative = past), or an absolute date. */
export function describeTime(date: Date, now: number, options: TimeOptions = {}): TimeDescription {
  const elapsed = now - date.getTime();
  const distance = Math.abs(elapsed);
  const sign = elapsed > 0 ? -1 : 1;
  if (distance >= (options.thresholdMs ?? defaultThresholdMs)) return { kind: 'absolute' };
  if (distance < minute) return { kind: 'relative', value: 0, unit: 'second' };
  if (distance < hour) return { kind: 'relative', value: sign * Math.floor(distance / minute), unit: 'minute' };
  if (distance < day) return { kind: 'relative', value: sign * Math.floor(distance / hour), unit: 'hour' };
  return { kind: 'relative', value: calendarDaysBetween(now, date.getTime(), options.timeZone), unit: 'day' };
}

/** "9 часов назад", "вчера", "через 2 часа", or "3 мая" past the threshold. */
export function formatRelativeTime(date: Date, now: number, locale: string, options: TimeOptions = {}): string {
  const description = describeTime(date, now, options);
  if (description.kind === 'absolute') return formatAbsoluteDate(date, now, locale, options.timeZone);
  const { value, unit } = description;
  if (intlSpeaksRelativeTime(locale)) {
    // value 0 with numeric "auto" reads "now"/"сейчас"; -1 day "yesterday"/"вчера".
    return relativeTimeFormat(locale, { numeric: 'auto', style: 'long' }).format(value, unit);
  }
  if (value === 0) return formatMessage(locale, 'relativeNow');
  const past = value < 0;
  const keys: Record<typeof unit, [MessageKey, MessageKey]> = {
    second: ['minutesAgo', 'minutesFromNow'],
    minute: ['minutesAgo', 'minutesFromNow'],
    hour: ['hoursAgo', 'hoursFromNow'],
    day: ['daysAgo', 'daysFromNow'],
  };
  return formatMessage(locale, keys[unit][past ? 0 : 1], { count: Math.abs(value) });
}

/** A date without time: "3 мая" in the current year, "3 мая 2025 г." otherwise. */
export function formatAbsoluteDate(date: Date, now: number, locale: string, timeZone?: string): string {
  const sameYear = calendarParts(date.getTime(), timeZone).year === calendarParts(now, timeZone).year;
  if (!intlSpeaksDates(locale)) return catalogDate(date, locale, timeZone, sameYear);
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** The full date and time, for tooltips and screen readers: "четверг, 26 ноября 2026 г. в 10:32". */
export function formatFullDate(date: Date, locale: string, timeZone?: string): string {
  if (!intlSpeaksDates(locale)) {
    const { hour: hours, minute: minutes } = calendarParts(date.getTime(), timeZone);
    const time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
    return formatMessage(locale, 'dateAndTime', { date: catalogDate(date, locale, timeZone, false), time });
  }
  return dateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/**
 * The first moment after `now` at which `formatRelativeTime(date, …)` may read differently, or
 * `undefined` when it never will (an absolute date). The shared clock sleeps until the earliest of these.
 */
export function nextChangeAt(date: Date, now: number, options: TimeOptions = {}): number | undefined {
  const description = describeTime(date, now, options);
  if (description.kind === 'absolute') {
    // A future date crosses the threshold into relative reading; a past one stays absolute.
    const threshold = options.thresholdMs ?? defaultThresholdMs;
    return date.getTime() > now ? date.getTime() - threshold + 1 : undefined;
  }
  const then = date.getTime();
  if (description.unit === 'day') {
    const crossesThreshold = then <= now ? then + (options.thresholdMs ?? defaultThresholdMs) : Infinity;
    return Math.min(nextMidnight(now, options.timeZone), crossesThreshold);
  }
  const unit = description.unit === 'second' ? minute : description.unit === 'minute' ? minute : hour;
  if (then <= now) return then + (Math.floor((now - then) / unit) + 1) * unit;
  // Future: the count drops when the remaining distance falls below its current multiple.
  const remaining = then - now;
  const whole = Math.floor(remaining / unit) * unit;
  return whole === remaining ? now + 1 : then - whole + 1;
}

/** A date in words from the catalog: "3 мамыр", "2026 жылғы 3 мамыр". */
function catalogDate(date: Date, locale: string, timeZone: string | undefined, omitYear: boolean): string {
  const { year, month, day: dayOfMonth } = calendarParts(date.getTime(), timeZone);
  // Strings, not numbers: a number argument would be grouped ("2,026") by the message formatter.
  return formatMessage(locale, omitYear ? 'dateWithoutYear' : 'dateWithYear', {
    day: String(dayOfMonth),
    monthName: formatMessage(locale, 'monthName', { month: String(month) }),
    year: String(year),
  });
}

interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function calendarParts(timestamp: number, timeZone?: string): CalendarParts {
  const parts = dateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(timestamp);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute'), second: value('second') };
}

/** Signed difference in calendar days (negative when `then` is before `now`). */
function calendarDaysBetween(now: number, then: number, timeZone?: string): number {
  const dayNumber = (timestamp: number) => {
    const { year, month, day: dayOfMonth } = calendarParts(timestamp, timeZone);
    return Date.UTC(year, month - 1, dayOfMonth) / day;
  };
  return dayNumber(then) - dayNumber(now);
}

/** The next local midnight after `now` in the time zone (exact to the second; DST-safe by re-reading). */
function nextMidnight(now: number, timeZone?: string): number {
  const { hour: hours, minute: minutes, second: seconds } = calendarParts(now, timeZone);
  const sinceMidnight = ((hours * 60 + minutes) * 60 + seconds) * 1000 + (now % 1000);
  return now - sinceMidnight + day;
}
