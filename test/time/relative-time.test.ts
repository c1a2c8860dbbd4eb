import { expect } from '@open-wc/testing';
import {
  describeTime,
  formatAbsoluteDate,
  formatFullDate,
  formatRelativeTime,
  nextChangeAt,
} from '../../src/time/relative-time.js';
import { availableLocales, loadCatalog } from '../../src/i18n/messages.js';

// Catalogs load on demand in the widgets; these tests format every locale directly.
await Promise.all(availableLocales().map((locale) => loadCatalog(locale, ['core', 'time'])));

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const now = Date.parse('2026-11-20T12:00:00Z');
const ago = (ms: number) => new Date(now - ms);
const utc = { timeZone: 'UTC' };

describe('formatRelativeTime', () => {
  const cases: [string, number, string][] = [
    // Russian plural rules: one (1, 21), few (2, 22), many (5, 11).
    ['ru', 1 * hour, '1 час назад'],
    ['ru', 2 * hour, '2 часа назад'],
    ['ru', 5 * hour, '5 часов назад'],
    ['ru', 9 * hour, '9 часов назад'],
    ['ru', 11 * hour, '11 часов назад'],
    ['ru', 21 * hour, '21 час назад'],
    ['ru', 22 * hour, '22 часа назад'],
    ['ru', 1 * minute, '1 минуту назад'],
    ['ru', 2 * minute, '2 минуты назад'],
    ['ru', 5 * minute, '5 минут назад'],
    ['ru', 11 * minute, '11 минут назад'],
    ['ru', 21 * minute, '21 минуту назад'],
    ['ru', 22 * minute, '22 минуты назад'],
    ['ru', 44 * minute, '44 минуты назад'],
    ['ru', 0, 'сейчас'],
    ['ru', 30_000, 'сейчас'],
    ['ru', -2 * hour, 'через 2 часа'],
    ['ru', -5 * minute, 'через 5 минут'],
    ['en', 9 * hour, '9 hours ago'],
    ['en', 1 * hour, '1 hour ago'],
    ['en', 22 * hour, '22 hours ago'],
    ['en', 0, 'now'],
    ['en', -2 * hour, 'in 2 hours'],
    // Truncated, never rounded up: 1.5 hours ago is still "1 hour ago", 59.9 minutes is 59.
    ['ru', 1.5 * hour, '1 час назад'],
    ['ru', 59 * minute + 59_000, '59 минут назад'],
    ['en', 1.5 * minute, '1 minute ago'],
  ];
  for (const [locale, elapsed, expected] of cases) {
    it(`${locale}: ${elapsed / minute} min ago reads "${expected}"`, () => {
      expect(formatRelativeTime(ago(elapsed), now, locale, utc)).to.equal(expected);
    });
  }

  it('counts calendar days in the time zone, with words for yesterday and the day before', () => {
    expect(formatRelativeTime(new Date('2026-11-19T20:00:00Z'), now, 'ru', utc)).to.equal('16 часов назад');
    expect(formatRelativeTime(new Date('2026-11-19T11:00:00Z'), now, 'ru', utc)).to.equal('вчера');
    // 35.5 hours ago, but on the previous calendar day: still "yesterday"; 37 hours ago is two days back.
    expect(formatRelativeTime(new Date('2026-11-19T00:30:00Z'), now, 'ru', utc)).to.equal('вчера');
    expect(formatRelativeTime(new Date('2026-11-18T23:00:00Z'), now, 'ru', utc)).to.equal('позавчера');
    expect(formatRelativeTime(new Date('2026-11-18T11:00:00Z'), now, 'ru', utc)).to.equal('позавчера');
    expect(formatRelativeTime(new Date('2026-11-15T11:00:00Z'), now, 'ru', utc)).to.equal('5 дней назад');
    expect(formatRelativeTime(new Date('2026-11-19T11:00:00Z'), now, 'en', utc)).to.equal('yesterday');
    // 13 hours ago in UTC, but already the previous calendar day in Vladivostok? No: hours stay hours under a day.
    expect(formatRelativeTime(new Date('2026-11-19T23:00:00Z'), now, 'ru', { timeZone: 'Asia/Vladivostok' })).to.equal('13 часов назад');
  });

  it('reads 24 hours on the same calendar day (a day of 25 hours, clocks going back) as hours, not "today" or "now"', () => {
    // Warsaw goes back from 03:00 to 02:00 on 25 October 2026: at 23:30 that day, 00:30 was 24 hours ago.
    const late = Date.parse('2026-10-25T22:30:00Z');
    const warsaw = { timeZone: 'Europe/Warsaw' };
    for (const locale of ['ru', 'en', 'be', 'kk', 'tt']) {
      const text = formatRelativeTime(new Date(late - day), late, locale, warsaw);
      expect(text, locale).to.match(/(^|\D)24(\D|$)/);
    }
    expect(describeTime(new Date(late - day), late, warsaw)).to.deep.equal({ kind: 'relative', value: -24, unit: 'hour' });
    expect(formatRelativeTime(new Date(late - day), late, 'ru', warsaw)).to.equal('24 часа назад');
    expect(nextChangeAt(new Date(late - day), late, warsaw)).to.equal(late + hour);
  });

  it('switches to an absolute date at the threshold, with the year only outside the current one', () => {
    expect(formatRelativeTime(ago(6 * day), now, 'ru', utc)).to.equal('6 дней назад');
    expect(formatRelativeTime(ago(7 * day), now, 'ru', utc)).to.equal('13 ноября');
    expect(formatRelativeTime(new Date('2026-05-03T10:00:00Z'), now, 'ru', utc)).to.equal('3 мая');
    expect(formatRelativeTime(new Date('2025-05-03T10:00:00Z'), now, 'ru', utc)).to.equal('3 мая 2025 г.');
    expect(formatRelativeTime(new Date('2026-05-03T10:00:00Z'), now, 'en', utc)).to.equal('May 3');
    expect(formatRelativeTime(new Date('2025-05-03T10:00:00Z'), now, 'en', utc)).to.equal('May 3, 2025');
  });

  it('never mixes languages: Russian output has no Latin letters', () => {
    for (const elapsed of [0, 5 * minute, 9 * hour, 2 * day, 30 * day, 400 * day, -3 * hour]) {
      expect(formatRelativeTime(ago(elapsed), now, 'ru', utc)).to.not.match(/[a-z]/i);
    }
  });
});

describe('formatAbsoluteDate and formatFullDate', () => {
  it('formats in the given time zone', () => {
    const lateEvening = new Date('2026-11-20T22:30:00Z');
    expect(formatAbsoluteDate(lateEvening, now, 'ru', 'UTC')).to.equal('20 ноября');
    expect(formatAbsoluteDate(lateEvening, now, 'ru', 'Asia/Novosibirsk')).to.equal('21 ноября');
  });

  it('gives the full date and time for tooltips, in the same locale', () => {
    const full = formatFullDate(new Date('2026-11-20T09:00:00Z'), 'ru', 'UTC');
    expect(full).to.contain('20 ноября 2026');
    expect(full).to.contain('09:00');
    expect(full).to.not.match(/[a-z]/i);
    expect(formatFullDate(new Date('2026-11-20T09:00:00Z'), 'en', 'UTC')).to.contain('November 20, 2026');
  });
});

describe('describeTime', () => {
  it('uses minutes under an hour, hours under a day, days under a week', () => {
    expect(describeTime(ago(59 * minute), now)).to.deep.equal({ kind: 'relative', value: -59, unit: 'minute' });
    expect(describeTime(ago(23 * hour), now)).to.deep.equal({ kind: 'relative', value: -23, unit: 'hour' });
    expect(describeTime(ago(3 * day), now, utc)).to.deep.equal({ kind: 'relative', value: -3, unit: 'day' });
    expect(describeTime(ago(8 * day), now)).to.deep.equal({ kind: 'absolute' });
    expect(describeTime(ago(2 * day), now, { thresholdMs: day })).to.deep.equal({ kind: 'absolute' });
  });
});

describe('nextChangeAt', () => {
  it('is the next unit boundary of the shown text', () => {
    expect(nextChangeAt(ago(30_000), now)).to.equal(now + 30_000);
    expect(nextChangeAt(ago(5 * minute + 10_000), now)).to.equal(now + 50_000);
    expect(nextChangeAt(ago(9 * hour + 20 * minute), now)).to.equal(now + 40 * minute);
    expect(nextChangeAt(ago(3 * day), now, utc)).to.equal(Date.parse('2026-11-21T00:00:00Z'));
    expect(nextChangeAt(ago(30 * day), now)).to.equal(undefined);
  });

  it('counts down for future times', () => {
    // In 2 h 30 min: reads "через 2 часа" until 2 h remain, then "через 1 час".
    const inTwoAndHalf = new Date(now + 2.5 * hour);
    const next = nextChangeAt(inTwoAndHalf, now)!;
    expect(formatRelativeTime(inTwoAndHalf, next - 1, 'ru')).to.equal('через 2 часа');
    expect(formatRelativeTime(inTwoAndHalf, next, 'ru')).to.equal('через 1 час');
  });

  it('turns a future day into hours a day before it, not at the next midnight', () => {
    // Tomorrow at 18:00 reads "завтра" until 18:00 today, then "через 23 часа".
    for (const ahead of [30 * hour, 25 * hour, 36 * hour - 1]) {
      const date = new Date(now + ahead);
      const next = nextChangeAt(date, now, utc)!;
      expect(formatRelativeTime(date, next - 1, 'ru', utc)).to.equal(formatRelativeTime(date, now, 'ru', utc));
      expect(formatRelativeTime(date, next, 'ru', utc)).to.not.equal(formatRelativeTime(date, now, 'ru', utc));
    }
    expect(nextChangeAt(new Date(now + 30 * hour), now, utc)).to.equal(now + 6 * hour + 1);
  });

  it('wakes at the midnight that ends a day of 23 hours (clocks going forward), not an hour late', () => {
    // 00:30 in Berlin on 29 March 2026, the night the clocks go from 02:00 to 03:00.
    const berlin = { timeZone: 'Europe/Berlin' };
    const early = Date.parse('2026-03-28T23:30:00Z');
    const date = new Date('2026-03-26T12:00:00Z');
    expect(formatRelativeTime(date, early, 'ru', berlin)).to.equal('3 дня назад');
    expect(nextChangeAt(date, early, berlin)).to.equal(Date.parse('2026-03-29T22:00:00Z'));
    // The day of 25 hours in October ends at its real midnight too.
    expect(nextChangeAt(new Date('2026-10-22T12:00:00Z'), Date.parse('2026-10-25T01:00:00Z'), berlin)).to.equal(Date.parse('2026-10-25T23:00:00Z'));
  });

  it('wakes when a threshold between two unit boundaries turns the text into a date', () => {
    // With PT90M, "1 hour ago" becomes the date at 90 minutes, not at the next whole hour.
    const ninety = { thresholdMs: 90 * minute };
    for (const [elapsed, options] of [
      [hour + 10 * minute, ninety],
      [10_000, { thresholdMs: 30_000 }],
      [10 * minute + 5_000, { thresholdMs: 10 * minute + 30_000 }],
    ] as const) {
      const date = ago(elapsed);
      const next = nextChangeAt(date, now, options)!;
      expect(next).to.equal(+date + options.thresholdMs);
      expect(formatRelativeTime(date, next - 1, 'ru', options)).to.equal(formatRelativeTime(date, now, 'ru', options));
      expect(formatRelativeTime(date, next, 'ru', options)).to.equal(formatAbsoluteDate(date, next, 'ru'));
    }
  });

  it('is exact: the text differs just after the boundary and not before it', () => {
    for (const elapsed of [10_000, 3 * minute + 5_000, 5 * hour + 123_456]) {
      const date = ago(elapsed);
      const next = nextChangeAt(date, now)!;
      expect(formatRelativeTime(date, next - 1, 'en')).to.equal(formatRelativeTime(date, now, 'en'));
      expect(formatRelativeTime(date, next, 'en')).to.not.equal(formatRelativeTime(date, now, 'en'));
    }
  });
});

describe('a date a few minutes ahead (clock skew)', () => {
  const ahead = (ms: number) => new Date(now + ms);
  // Russian and English through Intl; Tatar from its catalog (no engine we test has Tatar relative times).
  const cases: [string, number, string][] = [
    ['ru', 30_000, 'сейчас'],
    ['ru', 2 * minute, 'сейчас'],
    ['ru', 4 * minute + 59_999, 'сейчас'],
    ['ru', 5 * minute, 'через 5 минут'],
    ['ru', 7 * minute, 'через 7 минут'],
    ['ru', 2 * hour, 'через 2 часа'],
    ['en', 30_000, 'now'],
    ['en', 4 * minute + 59_000, 'now'],
    ['en', 5 * minute, 'in 5 minutes'],
    ['en', 6 * minute, 'in 6 minutes'],
    ['tt', 30_000, 'хәзер'],
    ['tt', 4 * minute + 59_000, 'хәзер'],
    ['tt', 5 * minute, '5 минуттан'],
    ['tt', 2 * hour, '2 сәгатьтән'],
  ];
  for (const [locale, distance, expected] of cases) {
    it(`${locale}: ${distance / 1000} s ahead reads "${expected}"`, () => {
      expect(formatRelativeTime(ahead(distance), now, locale, utc)).to.equal(expected);
    });
  }

  it('reads "now" exactly as a date at now does, up to 5 minutes ahead and not from 5 minutes on', () => {
    expect(describeTime(ahead(4 * minute + 59_999), now)).to.deep.equal({ kind: 'relative', value: 0, unit: 'second' });
    expect(describeTime(ahead(5 * minute), now)).to.deep.equal({ kind: 'relative', value: 5, unit: 'minute' });
    for (const locale of ['ru', 'en', 'kk', 'tt'])
      expect(formatRelativeTime(ahead(3 * minute), now, locale, utc), locale).to.equal(formatRelativeTime(new Date(now), now, locale, utc));
  });

  it('keeps the threshold on the real distance: past a threshold of 1 minute, 3 minutes ahead is a date', () => {
    expect(describeTime(ahead(3 * minute), now, { thresholdMs: minute })).to.deep.equal({ kind: 'absolute' });
    expect(describeTime(ahead(30_000), now, { thresholdMs: minute })).to.deep.equal({ kind: 'relative', value: 0, unit: 'second' });
  });

  it('stays "now" until the date is a minute old', () => {
    for (const distance of [30_000, 4 * minute]) {
      const date = ahead(distance);
      expect(nextChangeAt(date, now)).to.equal(+date + minute);
      expect(formatRelativeTime(date, +date + minute - 1, 'ru')).to.equal('сейчас');
      expect(formatRelativeTime(date, +date + minute, 'ru')).to.equal('1 минуту назад');
    }
  });

  it('counts down to 5 minutes, then turns "now" the moment it is less than 5 minutes ahead', () => {
    // Each wake is exact: the text is the same a millisecond before it and differs at it.
    for (const [distance, expectedWakes] of [
      [7 * minute + 20_000, [20_001, 80_001, 140_001, 8 * minute + 20_000]],
      [7 * minute, [1, 60_001, 120_001, 8 * minute]],
    ] as const) {
      const date = ahead(distance);
      const texts = [formatRelativeTime(date, now, 'ru', utc)];
      const wakes: number[] = [];
      for (let at = now; wakes.length < 4; ) {
        const next = nextChangeAt(date, at, utc)!;
        expect(formatRelativeTime(date, next - 1, 'ru', utc), `${next - now} ms`).to.equal(texts.at(-1));
        texts.push(formatRelativeTime(date, next, 'ru', utc));
        wakes.push(next - now);
        at = next;
      }
      expect(texts).to.deep.equal(['через 7 минут', 'через 6 минут', 'через 5 минут', 'сейчас', '1 минуту назад']);
      expect(wakes).to.deep.equal(expectedWakes);
    }
  });
});
