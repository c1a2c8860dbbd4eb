/**
 * Relative times ("9 часов назад", "9 hours ago", "через 2 часа") and the absolute dates that replace
 * them past a threshold. Pure functions of (date, now, locale): the caller owns the clock, which
 * keeps this module testable with fake timers and usable on a server. No DOM.
 *
 * Units: minutes under an hour, hours under a day, calendar days under the threshold (7 days by
 * default), then an absolute date. Counts are truncated toward zero, as people read them: 9 h 50 min
 * ago is "9 hours ago", never "10 hours ago" for an event that happened less than 10 hours ago.
 * Days are calendar days in the display time zone, so 26 hours ago at 01:00 is "the day before
 * yesterday", not "yesterday". A date less than five minutes ahead reads "now", like one under a
 * minute old: see `clockSkewTolerance`.
 *
 * Words come from the browser's Intl where it really speaks the locale (see intl-support.ts), else
 * from the locale's own catalog (ICU plural messages), so Kazakh in a Chromium without Kazakh data
 * still reads "2 сағат бұрын", never "-2 h" or English.
 */
import { formatMessage, type MessageKey } from '../i18n/messages.js';
import { boundedCache, dateTimeFormat, relativeTimeFormat } from './intl-cache.js';
import { intlSpeaksDates, intlSpeaksRelativeTime } from './intl-support.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export const defaultThresholdMs = 7 * day;

/**
 * How far ahead of the visitor's clock a date may be and still read "now". A news story is not
 * published in the future: a date a few minutes ahead means the visitor's clock is behind or the CMS
 * server's is ahead, and a story just published must not read "in 3 minutes". Five minutes is more
 * than such clocks are usually off, and less than any announcement a news feed dates ahead; further
 * ahead a date is a real future one ("через 2 часа") and reads as such. Whole minutes, so that "in 5
 * minutes" turns "now" at the moment it would have turned "in 4 minutes", where `nextChangeAt`
 * already wakes. The threshold still measures the real distance.
 */
const clockSkewTolerance = 5 * minute;

export interface TimeOptions {
  /** Beyond this distance from now (ms), an absolute date is shown. */
  thresholdMs?: number;
  /** IANA time zone for calendar days and absolute dates; the visitor's by default. */
  timeZone?: string;
}

export type TimeDescription =
  | { kind: 'relative'; value: number; unit: 'second' | 'minute' | 'hour' | 'day' }
  | { kind: 'absolute' };

/**
 * Decides how `date` reads at `now`: a signed count of a unit (negative = past), or an absolute date.
 * Value 0 ("now") is a date under a minute old or under `clockSkewTolerance` ahead.
 */
export function describeTime(date: Date, now: number, { thresholdMs = defaultThresholdMs, timeZone }: TimeOptions = {}): TimeDescription {
  const then = +date;
  const distance = Math.abs(now - then);
  const relative = (unit: 'second' | 'minute' | 'hour' | 'day', value = Math.floor(distance / (unit == 'hour' ? hour : minute)) * (then < now ? -1 : 1)) =>
    ({ kind: 'relative', value, unit }) as const;
  let days;
  return distance >= thresholdMs
    ? { kind: 'absolute' }
    : distance < (then > now ? clockSkewTolerance : minute)
      ? relative('second', 0)
      : distance < hour
        ? relative('minute')
        : // A day of 25 hours (clocks going back) holds dates 24 hours apart: those read in hours,
          // not as day 0 ("today", or the catalogs' "now").
          distance < day || !(days = dayNumber(then, timeZone) - dayNumber(now, timeZone))
          ? relative('hour')
          : relative('day', days);
}

/** "9 часов назад", "вчера", "через 2 часа", or "3 мая" past the threshold. */
export function formatRelativeTime(date: Date, now: number, locale: string, options: TimeOptions = {}): string {
  const description = describeTime(date, now, options);
  if (description.kind == 'absolute') return formatAbsoluteDate(date, now, locale, options.timeZone);
  const { value, unit } = description;
  // value 0 with numeric "auto" reads "now"/"сейчас"; -1 day "yesterday"/"вчера".
  if (intlSpeaksRelativeTime(locale)) return relativeTimeFormat(locale).format(value, unit);
  if (!value) return formatMessage(locale, 'relativeNow');
  // minutesAgo, hoursFromNow, daysAgo…
  return formatMessage(locale, `${unit}s${value < 0 ? 'Ago' : 'FromNow'}` as MessageKey, { count: Math.abs(value) });
}

/** A date without time: "3 мая" in the current year, "3 мая 2025 г." otherwise. */
export function formatAbsoluteDate(date: Date, now: number, locale: string, timeZone?: string): string {
  const sameYear = calendarParts(+date, timeZone).year == calendarParts(now, timeZone).year;
  return intlSpeaksDates(locale)
    ? dateTimeFormat(locale, { day: 'numeric', month: 'long', year: sameYear ? undefined : 'numeric' }, timeZone).format(date)
    : catalogDate(date, locale, timeZone, sameYear);
}

/** The full date and time, for tooltips and screen readers: "четверг, 26 ноября 2026 г. в 10:32". */
export function formatFullDate(date: Date, locale: string, timeZone?: string): string {
  if (intlSpeaksDates(locale)) return dateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }, timeZone).format(date);
  const { hour: hours, minute: minutes } = calendarParts(+date, timeZone);
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return formatMessage(locale, 'dateAndTime', { date: catalogDate(date, locale, timeZone, false), time: `${twoDigits(hours)}:${twoDigits(minutes)}` });
}

/**
 * The first moment after `now` at which `formatRelativeTime(date, …)` may read differently, or
 * `undefined` when it never will (an absolute date). The shared clock sleeps until the earliest of these.
 */
export function nextChangeAt(date: Date, now: number, options: TimeOptions = {}): number | undefined {
  const description = describeTime(date, now, options);
  const then = +date;
  const threshold = options.thresholdMs ?? defaultThresholdMs;
  // A future date crosses the threshold into relative reading; a past one stays absolute.
  if (description.kind == 'absolute') return then > now ? then - threshold + 1 : undefined;
  if (description.unit == 'day') {
    // The next local midnight (exact to the second), or the threshold; a future date also turns
    // into hours once less than a day remains. A day of 25 hours wakes an hour early and re-reads;
    // one of 23 hours (clocks going forward) ends an hour before 24 hours have passed.
    const { hour: hours, minute: minutes, second: seconds } = calendarParts(now, options.timeZone);
    let midnight = now - ((hours * 60 + minutes) * 60 + seconds) * 1000 - (now % 1000) + day;
    if (dayNumber(midnight - hour, options.timeZone) > dayNumber(now, options.timeZone)) midnight -= hour;
    return Math.min(midnight, then <= now ? then + threshold : then - day + 1);
  }
  // A threshold that is not a whole number of the unit shown (PT90M) turns the text into a date
  // between two of its wakes: at `then + threshold`, whichever comes first.
  const becomesDate = then + threshold;
  // "Now" lasts until the date is a minute old, whether it is just past or a little ahead (clock skew).
  if (description.unit == 'second') return Math.min(then + minute, becomesDate);
  const unit = description.unit == 'hour' ? hour : minute;
  // Past: the next whole unit since `then`. Future: the count drops when the remaining distance
  // falls below its current multiple.
  const whole = Math.floor(Math.abs(now - then) / unit) * unit;
  return then <= now ? Math.min(then + whole + unit, becomesDate) : whole == then - now ? now + 1 : then - whole + 1;
}

/** A date in words from the catalog: "3 мамыр", "2026 жылғы 3 мамыр". */
function catalogDate(date: Date, locale: string, timeZone: string | undefined, omitYear: boolean): string {
  const { year, month, day: dayOfMonth } = calendarParts(+date, timeZone);
  // Strings, not numbers: a number argument would be grouped ("2,026") by the message formatter.
  return formatMessage(locale, omitYear ? 'dateWithoutYear' : 'dateWithYear', {
    day: '' + dayOfMonth,
    monthName: formatMessage(locale, 'monthName', { month: '' + month }),
    year: '' + year,
  });
}

type CalendarParts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

// Calendar fields are asked for the same moments again and again (the page's "now" for every story,
// each story's date at every render and clock tick), and formatToParts is the slowest call on the
// way, so they are remembered. Not with the formatters: those are 64, and a page's thousand dates
// would evict them.
const cachedParts = boundedCache<CalendarParts>(4000);

/** The calendar date and clock time of `timestamp` in the time zone (the visitor's by default), as numbers. */
const calendarParts = (timestamp: number, timeZone?: string): CalendarParts =>
  cachedParts(`${timeZone} ${timestamp}`, () => {
    const fields: Record<string, number> = {};
    const numeric = 'numeric';
    const format = dateTimeFormat('en-US', { year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric, second: numeric, hourCycle: 'h23' }, timeZone);
    for (const { type, value } of format.formatToParts(timestamp)) fields[type] = +value;
    return fields as CalendarParts;
  });

/** Days since the epoch of the calendar day of `timestamp` in the time zone. */
function dayNumber(timestamp: number, timeZone?: string): number {
  const { year, month, day: dayOfMonth } = calendarParts(timestamp, timeZone);
  return Date.UTC(year, month - 1, dayOfMonth) / day;
}
