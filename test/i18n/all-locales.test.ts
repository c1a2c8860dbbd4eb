import { expect } from '@open-wc/testing';
import { compiledCatalogs, type MessageKey } from '../../src/i18n/compiled/index.js';
import { availableLocales, formatMessage, loadCatalog } from '../../src/i18n/messages.js';
import { formatAbsoluteDate, formatFullDate, formatRelativeTime } from '../../src/time/relative-time.js';

// Catalogs load on demand in the widgets; these tests format every locale directly.
await Promise.all(availableLocales().map((locale) => loadCatalog(locale, ['core', 'time'])));

const minute = 60_000;
const hour = 60 * minute;
const now = Date.parse('2026-11-20T12:00:00Z');
const ago = (ms: number) => new Date(now - ms);
const utc = { timeZone: 'UTC' };
/** Arabic-Indic and Persian digits as ASCII: engines differ on which digits Arabic uses by default. */
const asciiDigits = (text: string) => text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90 % 16));

/** The locales a municipal site needs; every catalog found in src/i18n/locales/ is tested below. */
const required = ['ru', 'en', 'uk', 'be', 'kk', 'tt', 'de', 'fr', 'es', 'it', 'pl', 'tr', 'zh', 'zh-Hant', 'ja', 'ar', 'he'];
const shipped = Object.keys(compiledCatalogs);
/** Locales written in other scripts than Latin (by their own heading): not one Latin letter may appear in their output. */
const nonLatin = shipped.filter((locale) => !/[a-z]/i.test(formatMessage(locale, 'recentPostsHeading')));

/**
 * Hours ago at 1, 2, 5, 11, 21, 22 (the counts that pick every plural category the locales have),
 * as CLDR and our catalogs say them. The same in every engine: where the browser's Intl lacks the
 * locale (Belarusian and Tatar in Chromium, Kazakh's "-2 h"), the catalog's ICU plurals must say
 * exactly what a browser with the data says.
 */
const hoursAgo: Record<string, string[]> = {
  ru: ['1 час назад', '2 часа назад', '5 часов назад', '11 часов назад', '21 час назад', '22 часа назад'],
  uk: ['1 годину тому', '2 години тому', '5 годин тому', '11 годин тому', '21 годину тому', '22 години тому'],
  be: ['1 гадзіну таму', '2 гадзіны таму', '5 гадзін таму', '11 гадзін таму', '21 гадзіну таму', '22 гадзіны таму'],
  kk: ['1 сағат бұрын', '2 сағат бұрын', '5 сағат бұрын', '11 сағат бұрын', '21 сағат бұрын', '22 сағат бұрын'],
  tt: ['1 сәгать элек', '2 сәгать элек', '5 сәгать элек', '11 сәгать элек', '21 сәгать элек', '22 сәгать элек'],
  pl: ['1 godzinę temu', '2 godziny temu', '5 godzin temu', '11 godzin temu', '21 godzin temu', '22 godziny temu'],
  de: ['vor 1 Stunde', 'vor 2 Stunden', 'vor 5 Stunden', 'vor 11 Stunden', 'vor 21 Stunden', 'vor 22 Stunden'],
  en: ['1 hour ago', '2 hours ago', '5 hours ago', '11 hours ago', '21 hours ago', '22 hours ago'],
  es: ['hace 1 hora', 'hace 2 horas', 'hace 5 horas', 'hace 11 horas', 'hace 21 horas', 'hace 22 horas'],
  it: ['1 ora fa', '2 ore fa', '5 ore fa', '11 ore fa', '21 ore fa', '22 ore fa'],
  // The catalog's messages (for a browser without the data) as CLDR writes Traditional Chinese.
  'zh-Hant': ['1 小時前', '2 小時前', '5 小時前', '11 小時前', '21 小時前', '22 小時前'],
  tr: ['1 saat önce', '2 saat önce', '5 saat önce', '11 saat önce', '21 saat önce', '22 saat önce'],
};
const counts = [1, 2, 5, 11, 21, 22];

describe('every shipped locale', () => {
  it('has a catalog with every key', () => {
    expect(availableLocales()).to.include.members(required);
    expect(nonLatin).to.include.members(['ru', 'uk', 'be', 'kk', 'tt', 'zh', 'zh-Hant', 'ja', 'ar', 'he']);
    for (const locale of shipped) {
      expect(Object.keys(compiledCatalogs[locale as keyof typeof compiledCatalogs]).sort(), locale).to.deep.equal(Object.keys(compiledCatalogs.en).sort());
    }
  });

  for (const [locale, expected] of Object.entries(hoursAgo)) {
    it(`${locale}: hours ago with the plural forms of the language`, () => {
      expect(counts.map((count) => formatRelativeTime(ago(count * hour), now, locale, utc))).to.deep.equal(expected);
    });
  }

  for (const locale of shipped) {
    describe(locale, () => {
      const english = (elapsed: number) => formatRelativeTime(ago(elapsed), now, 'en', utc);

      it('says every relative time in words of its own language', () => {
        const elapsedTimes = [0, ...counts.map((count) => count * minute), 1.5 * minute, ...counts.map((count) => count * hour), 1.5 * hour,
          24 * hour, 48 * hour, 5 * 24 * hour, 36 * hour, -2 * hour, -5 * minute, -30 * hour];
        for (const elapsed of elapsedTimes) {
          const text = formatRelativeTime(ago(elapsed), now, locale, utc);
          expect(text, `${elapsed / minute} min`).to.match(/\p{L}/u);
          expect(text, `${elapsed / minute} min: no signed numbers or unit symbols`).to.not.match(/^[-+\u2212]|(?<!\p{L})(h|min|d)(?!\p{L})/u);
          if (locale !== 'en') expect(text, `${elapsed / minute} min`).to.not.equal(english(elapsed));
          if (nonLatin.includes(locale)) expect(text, `${elapsed / minute} min`).to.not.match(/[a-z]/i);
        }
      });

      it('truncates 1.5 units to 1, and keeps future times in the future', () => {
        expect(formatRelativeTime(ago(1.5 * hour), now, locale, utc)).to.equal(formatRelativeTime(ago(hour), now, locale, utc));
        expect(formatRelativeTime(ago(1.5 * minute), now, locale, utc)).to.equal(formatRelativeTime(ago(minute), now, locale, utc));
        expect(formatRelativeTime(ago(-2 * hour), now, locale, utc)).to.not.equal(formatRelativeTime(ago(2 * hour), now, locale, utc));
      });

      it('reads a date under 5 minutes ahead (clock skew) as now, and one 5 minutes ahead as future', () => {
        const atNow = formatRelativeTime(ago(0), now, locale, utc);
        for (const ahead of [30_000, 3 * minute, 5 * minute - 1000]) expect(formatRelativeTime(ago(-ahead), now, locale, utc), `${ahead} ms`).to.equal(atNow);
        expect(formatRelativeTime(ago(-5 * minute), now, locale, utc)).to.not.equal(atNow);
        expect(formatRelativeTime(ago(-5 * minute), now, locale, utc)).to.not.equal(formatRelativeTime(ago(5 * minute), now, locale, utc));
      });

      it('writes dates and tooltips in its own language', () => {
        const thisYear = asciiDigits(formatAbsoluteDate(new Date('2026-05-03T10:00:00Z'), now, locale, 'UTC'));
        const lastYear = asciiDigits(formatAbsoluteDate(new Date('2025-05-03T10:00:00Z'), now, locale, 'UTC'));
        const tooltip = asciiDigits(formatFullDate(new Date('2026-05-03T09:05:00Z'), locale, 'UTC'));
        expect(thisYear).to.not.match(/2026|M0?5/);
        expect(lastYear).to.match(/2025/);
        expect(tooltip).to.match(/2026/);
        expect(tooltip).to.match(/9[:.]05|09[:.]05/);
        for (const text of [thisYear, lastYear, tooltip]) {
          expect(text).to.not.match(/\bM\d/);
          if (locale !== 'en') expect(text).to.not.match(/(?<!\p{L})(May|Sunday)(?!\p{L})/u);
          if (nonLatin.includes(locale)) expect(text).to.not.match(/[a-z]/i);
        }
      });

      it('has no UI message that falls back to English', () => {
        if (locale === 'en') return;
        const values = { status: 404, authors: '·', source: '·', count: 5, month: '5', monthName: '·', day: '3', year: '2025', date: '·', time: '·' };
        for (const key of Object.keys(compiledCatalogs.en) as MessageKey[]) {
          const inEnglish = formatMessage('en', key, values);
          if (!/[a-z]{2}/i.test(inEnglish)) continue; // only arguments and punctuation
          const text = formatMessage(locale, key, values);
          expect(text, key).to.not.equal(inEnglish);
          if (nonLatin.includes(locale)) expect(text, key).to.not.match(/[a-z]/i);
        }
      });
    });
  }
});
