import { expect } from '@open-wc/testing';
import { parseRfc822Date } from '../../src/feed/dates.js';

/** Each date as feeds write it, and the UTC moment it stands for (`null`: not a date, shown undated). */
const table: [string, string | null][] = [
  // RFC 822 / RSS 2.0 as specified
  ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
  ['Wed, 20 Nov 2026 10:00:00 +0300', '2026-11-20T07:00:00Z'],
  ['Fri, 20 Nov 2026 06:15:00 -0000', '2026-11-20T06:15:00Z'],
  ['Fri, 20 Nov 2026 01:15:00 -0500', '2026-11-20T06:15:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 +0545', '2026-11-20T04:15:00Z'],
  // named zones: RFC 822's, North American, European, Russian
  ['Fri, 20 Nov 2026 10:00:00 UT', '2026-11-20T10:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 Z', '2026-11-20T10:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 EST', '2026-11-20T15:00:00Z'],
  ['Mon, 06 Jul 2026 10:00:00 EDT', '2026-07-06T14:00:00Z'],
  ['Mon, 06 Jul 2026 10:00:00 PDT', '2026-07-06T17:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 MSK', '2026-11-20T07:00:00Z'],
  ['Mon, 06 Jul 2026 10:00:00 CEST', '2026-07-06T08:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 Etc/GMT', '2026-11-20T10:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 GMT+3', '2026-11-20T07:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 UTC+03:00', '2026-11-20T07:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 +03:00', '2026-11-20T07:00:00Z'],
  ['Fri, 20 Nov 2026 10:00:00 +0000 (UTC)', '2026-11-20T10:00:00Z'],
  // an unknown zone name means UTC (RFC 5322 §4.3)
  ['Fri, 20 Nov 2026 10:00:00 XYZT', '2026-11-20T10:00:00Z'],
  // no zone at all: UTC, like readIsoDate
  ['Fri, 20 Nov 2026 10:00:00', '2026-11-20T10:00:00Z'],
  // sloppy real-world forms
  ['20 Nov 2026 10:00:00 +0300', '2026-11-20T07:00:00Z'],
  ['Fri, 6 Nov 2026 10:00:00 GMT', '2026-11-06T10:00:00Z'],
  ['Fri,  6 Nov 2026 10:00:00 GMT', '2026-11-06T10:00:00Z'],
  ['Fri,6 Nov 2026 10:00:00 GMT', '2026-11-06T10:00:00Z'],
  ['  Fri,   20   Nov   2026   10:00   GMT  ', '2026-11-20T10:00:00Z'],
  ['Fri, 20 Nov 2026 9:05 +0300', '2026-11-20T06:05:00Z'],
  ['fri, 20 nov 2026 10:00:00 gmt', '2026-11-20T10:00:00Z'],
  ['FRI, 20 NOV 2026 10:00:00 GMT', '2026-11-20T10:00:00Z'],
  ['Friday, 20 November 2026 10:00:00 GMT', '2026-11-20T10:00:00Z'],
  ['Sun, 20 Sept 2026 10:00:00 GMT', '2026-09-20T10:00:00Z'],
  ['Mon, 20 Nov, 2026 10:00:00 UTC', '2026-11-20T10:00:00Z'],
  ['Fri, 20 Nov 26 10:00:00 GMT', '2026-11-20T10:00:00Z'],
  ['Thu, 01 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00Z'],
  ['Thu, 01 Jan 0100 00:00:01 +0100', '0099-12-31T23:00:01Z'],
  ['Fri, 20 Nov 2026', '2026-11-20T00:00:00Z'],
  ['Nov 20, 2026 10:00 PM EST', '2026-11-21T03:00:00Z'],
  ['Fri Nov 20 2026 10:00:00 GMT+0300', '2026-11-20T07:00:00Z'], // Date#toString()
  ['Fri Nov 20 10:00:00 +0300 2026', '2026-11-20T07:00:00Z'], // Twitter, asctime
  ['20-Nov-2026 10:00:00 GMT', '2026-11-20T10:00:00Z'],
  ['Fri, 29 Feb 2028 10:00:00 GMT', '2028-02-29T10:00:00Z'],
  // a server's Russian locale
  ['Пт, 20 ноя 2026 10:00:00 +0300', '2026-11-20T07:00:00Z'],
  ['20 ноября 2026 10:00', '2026-11-20T10:00:00Z'],
  ['1 мая 2026 08:00:00 MSK', '2026-05-01T05:00:00Z'],
  // ISO 8601, as some RSS feeds write pubDate
  ['2026-11-20T10:00:00+03:00', '2026-11-20T07:00:00Z'],
  ['2026-11-20T07:00:00.250Z', '2026-11-20T07:00:00.250Z'],
  ['2026-11-20 10:00:00', '2026-11-20T10:00:00Z'],
  ['2026-11-20', '2026-11-20T00:00:00Z'],
  // day-first dotted dates, as Russian CMSs print them (never month first)
  ['20.11.2026 10:00', '2026-11-20T10:00:00Z'],
  ['20.11.2026 10:00:00 +0300', '2026-11-20T07:00:00Z'],
  ['20.11.2026', '2026-11-20T00:00:00Z'],
  ['05.06.2026 09:30', '2026-06-05T09:30:00Z'],
  ['1.6.2026 9:05 MSK', '2026-06-01T06:05:00Z'],
  ['20.11.2026, 10:00', '2026-11-20T10:00:00Z'],
  ['20.11.26 10:00', '2026-11-20T10:00:00Z'],
  ['29.02.2028', '2028-02-29T00:00:00Z'],
  // not dates
  ['11.20.2026 10:00', null],
  ['31.11.2026', null],
  ['20.13.2026', null],
  ['00.11.2026', null],
  ['20.00.2026', null],
  ['20.11.2026 25:00', null],
  ['20.11', null],
  ['20.11.2026x', null],
  ['20.11.202', null],
  ['1.2.3.4', null],
  ['', null],
  ['   ', null],
  ['вчера', null],
  ['Fri, 20 Nov', null],
  ['2026', null],
  ['Fri, 31 Nov 2026 10:00:00 GMT', null],
  ['Sat, 29 Feb 2027 10:00:00 GMT', null],
  ['Fri, 00 Nov 2026 10:00:00 GMT', null],
  ['Fri, 99 Jun 2026 12:00:00 GMT', null],
  ['Fri, 20 Foo 2026 10:00:00 GMT', null],
  ['Fri, 20 Nov zz 10:00:00 GMT', null],
  ['Fri, 20 Nov 2026 24:00:00 GMT', null],
  ['Fri, 20 Nov 2026 10:60:00 GMT', null],
  ['Fri, 20 Nov 2026 1:2:3:4 GMT', null],
  ['Fri, 20 Nov 2026 10:00:00 +zz:00', null],
  ['Fri, 20 Nov 2026 10:00:00 +03:zz', null],
  ['Fri, 20 Nov 2026 10:00:00 +2500', null],
  ['Fri, 20 Nov 2026 13:00:00 PM', null],
  ['2026-13-01T00:00:00Z', null],
  ['2026-11-20T10:00:00+03', null],
  ['1732096800', null],
  ['Fri, 20 Nov 2026 10:00:00 GMT and some more text', null],
];

describe('parseRfc822Date', () => {
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} → ${expected ?? 'undefined'}`, () => {
      const date = parseRfc822Date(text);
      if (expected === null) expect(date).to.equal(undefined);
      else expect(date?.toISOString()).to.equal(new Date(expected).toISOString());
    });
  }

  it('returns a fresh Date each time, and undefined for what is not a string or far too long', () => {
    const first = parseRfc822Date('Fri, 20 Nov 2026 10:00:00 GMT');
    expect(first).to.be.instanceOf(Date);
    expect(parseRfc822Date('Fri, 20 Nov 2026 10:00:00 GMT')).not.to.equal(first);
    for (const value of [undefined, null, 42, {}, `Fri, 20 Nov 2026 10:00:00 GMT${' '.repeat(500)}x`]) {
      expect(parseRfc822Date(value as string)).to.equal(undefined);
    }
  });

  it('answers quickly for long hostile input', () => {
    const started = performance.now();
    for (const text of ['a '.repeat(100), `${'Fri, '.repeat(40)}`, `${'1'.repeat(199)}`, `Fri, 20 Nov 2026 ${'1:'.repeat(90)}`]) parseRfc822Date(text);
    expect(performance.now() - started).to.be.below(200);
  });
});
