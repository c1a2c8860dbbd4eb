/**
 * Dates of RSS feeds. RSS 2.0 says RFC 822 ("Tue, 10 Jun 2003 04:00:00 GMT"), and real feeds write
 * every variant of it: no weekday, no seconds, two-digit years, one-digit days, full or lower-case
 * month names, extra or missing spaces, a comma after the month, named zones from RFC 822 and from
 * everywhere else ("MSK", "CEST"), "GMT+3", "+03:00", a JavaScript `Date#toString()` order
 * ("Thu Aug 30 2012 17:26:16 +0200"), Russian month names from a server's locale, and sometimes
 * ISO 8601 instead. `Date.parse` accepts a different subset of these in each engine, so nothing here
 * relies on it. No DOM.
 */
import { readIsoDate } from './values.js';

/** Days in `month` (0-11) of `year`, in the proleptic Gregorian calendar. */
const daysInMonth = (year: number, month: number): number =>
  month === 1 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;

/** Month names and their accepted prefixes: English, and Russian in the nominative and genitive. */
const monthNames: string[][] = [
  ['january', 'январь', 'января'],
  ['february', 'февраль', 'февраля'],
  ['march', 'март', 'марта'],
  ['april', 'апрель', 'апреля'],
  ['may', 'май', 'мая'],
  ['june', 'июнь', 'июня'],
  ['july', 'июль', 'июля'],
  ['august', 'август', 'августа'],
  ['september', 'сентябрь', 'сентября'],
  ['october', 'октябрь', 'октября'],
  ['november', 'ноябрь', 'ноября'],
  ['december', 'декабрь', 'декабря'],
];

/** 0-based month of a name, or -1. A name may be cut after its third letter ("Sep", "Sept", "Janu", "ноя"). */
function monthIndex(word: string): number {
  const name = word.toLowerCase().replace(/\.$/, '');
  if (name.length < 3) return -1;
  return monthNames.findIndex((forms) => forms.some((form) => form.startsWith(name)));
}

/**
 * Named zones in minutes east of UTC: RFC 822's own, the North American and European ones feeds
 * use, and Russia's. Other names are read as UTC, as RFC 5322 §4.3 says (also single military
 * letters, whose sign was defined backwards in RFC 822 and has never been reliable).
 */
const zoneOffsets: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, WEST: 60, CET: 60, MET: 60, CEST: 120, MEST: 120,
  EET: 120, EEST: 180, MSK: 180, MSD: 240, SAMT: 240, YEKT: 300, OMST: 360, NOVT: 420, KRAT: 420,
  IRKT: 480, YAKT: 540, VLAT: 600, MAGT: 660, PETT: 720,
  AT: -240, AST: -240, ADT: -180, ET: -300, EST: -300, EDT: -240, CT: -360, CST: -360, CDT: -300,
  MT: -420, MST: -420, MDT: -360, PT: -480, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  NZST: 720, NZDT: 780, AEST: 600, AEDT: 660, ACST: 570, ACDT: 630, AWST: 480, JST: 540, KST: 540,
  HKT: 480, SGT: 480,
};

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
  const match = rfc822.exec(value.replace(yearLast, '$1 $3 $2'));
  if (!match) return undefined;
  const [, dayFirst, monthSecond, monthFirst, daySecond, yearText, hourText, minuteText, secondText = '0', meridiem, sign, zoneHours, zoneMinutes = '0', zoneName] = match;

  const month = monthIndex((monthSecond ?? monthFirst)!);
  const day = Number(dayFirst ?? daySecond);
  let year = Number(yearText);
  // RFC 5322 §4.3: two-digit years are 1950-2049, three-digit years are offsets from 1900.
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText!.length === 3) year += 1900;
  if (month < 0 || day < 1 || day > daysInMonth(year, month)) return undefined;

  let hours = hourText === undefined ? 0 : Number(hourText);
  const minutes = minuteText === undefined ? 0 : Number(minuteText);
  const seconds = Number(secondText);
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 60) return undefined;

  let offset = 0;
  if (sign) {
    const zoneHoursValue = Number(zoneHours);
    const zoneMinutesValue = Number(zoneMinutes);
    if (zoneHoursValue > 14 || zoneMinutesValue > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (zoneHoursValue * 60 + zoneMinutesValue);
  } else if (zoneName) {
    offset = zoneOffsets[zoneName.toUpperCase().split('/').pop()!] ?? 0;
  }

  // Date.UTC would read years 0-99 as 1900-1999: set the full year explicitly.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hours, minutes - offset, seconds, 0);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

