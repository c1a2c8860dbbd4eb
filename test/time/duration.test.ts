import { expect } from '@open-wc/testing';
import { localeDirection } from '../../src/i18n/direction.js';
import { parseDuration } from '../../src/time/duration.js';

describe('parseDuration', () => {
  const hour = 3_600_000;
  const cases: [string, number | undefined][] = [
    ['P7D', 7 * 24 * hour],
    ['PT12H', 12 * hour],
    ['P1W', 7 * 24 * hour],
    ['P1DT12H', 36 * hour],
    ['PT90M', 1.5 * hour],
    ['PT0.5H', 0.5 * hour],
    ['p2d', 2 * 24 * hour],
    ['P1M', 30 * 24 * hour],
    ['P1Y', 365 * 24 * hour],
    ['P', undefined],
    ['PT', undefined],
    ['7 days', undefined],
    ['', undefined],
    ['P-1D', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => expect(parseDuration(text)).to.equal(expected));
  }
});

describe('localeDirection', () => {
  it('is right to left for Arabic, Hebrew and other RTL scripts only', () => {
    expect(['ar', 'he', 'ar-EG', 'fa', 'ur', 'iw', 'az-Arab'].map(localeDirection)).to.deep.equal(Array(7).fill('rtl'));
    expect(['ru', 'en', 'kk', 'tt', 'zh', 'ja', 'tr', 'az-Latn'].map(localeDirection)).to.deep.equal(Array(8).fill('ltr'));
  });
});
