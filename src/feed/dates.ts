/**
 * Dates of RSS feeds. RSS 2.0 says RFC 822 ("Tue, 10 Jun 2003 04:00:00 GMT"), and real feeds write
 * every variant of it: no weekday, no seconds, two-digit years, one-digit days, full or lower-case
 * month names, extra or missing spaces, a comma after the month, named zones from RFC 822 and from
 * everywhere else ("MSK", "CEST"), "GMT+3", "+03:00", a JavaScript `Date#toString()` order
 * ("Thu Aug 30 2012 17:26:16 +0200"), Russian month names from a server's locale, and sometimes
 * ISO 8601 instead, or the day-first dotted dates of Russian CMSs ("20.11.2026 10:00"). `Date.parse`
 * accepts a different subset of these in each engine, so nothing here relies on it. No DOM.
 */
import { readIsoDate } from './values.js';

/** Month names, each followed by the other forms accepted: English, and Russian in the nominative and genitive. */
const monthNames = [
  'january январь января',
  'february февраль февраля',
  'march март марта',
  'april апрель апреля',
  'may май мая',
  'june июнь июня',
  'july июль июля',
  'august август августа',
  'september сентябрь сентября',
  'october октябрь октября',
  'november ноябрь ноября',
  'december декабрь декабря',
];

/** 0-based month of a name, or -1. A name may be cut after its third letter ("Sep", "Sept", "Janu", "ноя"). */
function monthIndex(word: string): number {
  const name = word.toLowerCase().replace(/\.$/, '');
  // The word is letters only: it starts one of the forms when it follows a space.
  return name.length < 3 ? -1 : monthNames.findIndex((forms) => ` ${forms}`.includes(` ${name}`));
}

/**
 * Named zones by their offset in minutes east of UTC: RFC 822's own, the North American and
 * European ones feeds use, and Russia's. Other names are read as UTC, as RFC 5322 §4.3 says (also
 * single military letters, whose sign was defined backwards in RFC 822 and has never been reliable).
 */
const zoneOffsets = new Map<string, number>();
for (const [offset, ...names] of [
  '0 UT UTC GMT Z WET',
  '60 BST WEST CET MET',
  '120 CEST MEST EET',
  '180 EEST MSK',
  '240 MSD SAMT',
  '300 YEKT',
  '360 OMST',
  '420 NOVT KRAT',
  '480 IRKT AWST HKT SGT',
  '540 YAKT JST KST',
  '570 ACST',
  '600 VLAT AEST',
  '630 ACDT',
  '660 MAGT AEDT',
  '720 PETT NZST',
  '780 NZDT',
  '-180 ADT',
  '-240 AT AST EDT',
  '-300 ET EST CDT',
  '-360 CT CST MDT',
  '-420 MT MST PDT',
  '-480 PT PST AKDT',
  '-540 AKST',
  '-600 HST',
].map((line) => line.split(' '))) {
  for (const name of names) zoneOffsets.set(name, +offset!);
}

const rfc822 = new RegExp(
  '^(?:\\p{L}+\\.?(?:,\\s*|\\s+))?' + // weekday, in any language, with or without its comma
    '(?:(\\d{1,2})[\\s-]+(\\p{L}+\\.?)[\\s,.-]+|(\\p{L}+\\.?)[\\s-]+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)' + // "20 Nov" or "Nov 20"
    '(\\d{2,4})' + // year
    '(?:[\\sT,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*([ap]\\.?m\\.?)?)?' + // time, seconds optional
    '(?:\\s*(?:(?:GMT|UTC?)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?|([A-Z][A-Z/_]*)))?$', // zone
  'iu',
);

const yearLast = /^(\p{L}+,?\s+\p{L}+\.?\s+\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+)?)\s+(\d{4})$/u;

/**
 * The moment an RSS date stands for, or `undefined` when the text is not one (an undated story
 * shows no time rather than a wrong one). A date without a time is midnight, and without a zone is
 * UTC (like `readIsoDate`). ISO 8601 / RFC 3339 dates are accepted too.
 */
export function parseRfc822Date(text: string): Date | undefined {
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const value = text
    .replace(/\([^()]*\)/g, ' ') // RFC 822 comments: "+0000 (UTC)"
    .replace(/\s+/g, ' ')
    .trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return readIsoDate(value);
  // asctime and Twitter put the year last: "Sun Jul 15 01:16:00 +0000 2012" reads as "Sun Jul 15 2012 01:16:00 +0000".
  // Russian CMSs print the day first with dots ("20.11.2026 10:00"): read as "20 november 2026 10:00"
  // (never month first: "11.20.2026" has no month 20, and is no date).
  const match = rfc822.exec(
    value.replace(yearLast, '$1 $3 $2').replace(/^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![^\s,])/, (_, day: string, month: number, year: string) => `${day} ${monthNames[month - 1]?.slice(0, 3) ?? '-'} ${year}`),
  );
  if (!match) return undefined;
  // Numeric strings (or the defaults of absent parts): arithmetic and comparisons convert them.
  const [, dayFirst, monthSecond, monthFirst, daySecond, yearText, hourText = 0, minutes = 0, seconds = 0, meridiem, sign, zoneHours, zoneMinutes = 0, zoneName] =
    match as unknown as string[];

  const month = monthIndex((monthSecond ?? monthFirst)!);
  let year = +yearText!;
  // RFC 5322 §4.3: two-digit years are 1950-2049, three-digit years are offsets from 1900.
  if (yearText!.length < 4) year += year < 50 && yearText!.length < 3 ? 2000 : 1900;

  let hours = +hourText;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  if (month < 0 || hours > 23 || +minutes > 59 || +seconds > 60 || +zoneHours! > 14 || +zoneMinutes > 59) return undefined;

  const offset = sign ? (sign == '-' ? -1 : 1) * (+zoneHours! * 60 + +zoneMinutes) : (zoneName && zoneOffsets.get(zoneName.toUpperCase().split('/').pop()!)) || 0;

  // Date.UTC would read years 0-99 as 1900-1999: set the full year explicitly. A day the month
  // does not have (30 February) overflows into the next month: no date at all.
  const day = dayFirst ?? daySecond;
  const date = new Date(0);
  date.setUTCFullYear(year, month, +day!);
  if (date.getUTCMonth() != month) return undefined;
  date.setUTCHours(hours, +minutes - offset, +seconds, 0);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

