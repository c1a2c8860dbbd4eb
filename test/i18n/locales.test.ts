import { expect } from '@open-wc/testing';
import { matchLocale } from '../../src/i18n/locale-match.js';
import { availableLocales, formatMessage, loadCatalog } from '../../src/i18n/messages.js';
import { compiledCatalogs, type MessageKey } from '../../src/i18n/compiled/index.js';

// Catalogs load on demand in the widgets; these tests format every locale directly.
await Promise.all(availableLocales().map((locale) => loadCatalog(locale, ['core', 'time'])));

describe('matchLocale', () => {
  const shipped = ['en', 'ru'];
  it('takes the first candidate a catalog exists for, by its language when regional', () => {
    expect(matchLocale(['ru-RU'], shipped)).to.equal('ru');
    expect(matchLocale(['RU'], shipped)).to.equal('ru');
    expect(matchLocale(['en-GB', 'ru'], shipped)).to.equal('en');
    expect(matchLocale(['de', 'ru'], shipped)).to.equal('ru');
    expect(matchLocale([undefined, '', 'not a tag!', 'ru'], shipped)).to.equal('ru');
    expect(matchLocale(['de', 'fr'], shipped)).to.equal('en');
    expect(matchLocale([], shipped)).to.equal('en');
    expect(matchLocale(['pt-BR', 'ru'], [...shipped, 'pt'])).to.equal('pt');
    expect(matchLocale(['pt-BR', 'ru'], shipped)).to.equal('ru');
    expect(matchLocale(['zh-Hans-CN'], ['zh', 'en'])).to.equal('zh');
  });

  it('gives Traditional Chinese tags the Traditional catalog and the others the Simplified one', () => {
    const chinese = ['en', 'zh', 'zh-Hant'];
    // A region that writes Traditional (CLDR likely subtags: zh-TW, zh-HK, zh-MO are zh-Hant-…).
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK', 'ZH-hk', 'zh_TW', 'zh-hant-cn'])
      expect(matchLocale([tag], chinese), tag).to.equal('zh-Hant');
    // Simplified regions and no region; an explicit script wins over the region.
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN', 'zh-Hans-TW', 'zh-Hans-HK', 'zh_CN'])
      expect(matchLocale([tag], chinese), tag).to.equal('zh');
    // A catalog for the exact tag still wins; without a Traditional one, Chinese is Chinese.
    expect(matchLocale(['zh-TW'], [...chinese, 'zh-TW'])).to.equal('zh-TW');
    expect(matchLocale(['zh-TW'], ['en', 'zh'])).to.equal('zh');
    expect(matchLocale(['zh-HK', 'ru'], ['en', 'ru'])).to.equal('ru');
  });

  it('reads the POSIX locales old CMS templates print (lang="ru_RU") as language tags', () => {
    expect(matchLocale(['ru_RU'], shipped)).to.equal('ru');
    expect(matchLocale(['de_DE', 'ru_RU'], shipped)).to.equal('ru');
    expect(matchLocale(['zh_Hans_CN'], ['zh', 'en'])).to.equal('zh');
  });
});

describe('message catalogs', () => {
  it('ship Russian and English', () => {
    expect(availableLocales()).to.include.members(['en', 'ru']);
  });

  it('have every Russian message in Russian, none falling back to English', () => {
    // Neutral values, so that only the words of the message itself are compared.
    const values = { status: 404, authors: '·', source: '·', count: 5, month: 5, monthName: '·', day: 3, year: 2025, date: '·', time: '·' };
    for (const key of Object.keys(compiledCatalogs.en) as MessageKey[]) {
      const english = formatMessage('en', key, values);
      if (!/[a-z]/i.test(english)) continue; // only placeholders and punctuation, such as "{date}, {time}"
      const russian = formatMessage('ru', key, values);
      expect(russian, key).to.match(/[а-яё]/i);
      expect(russian, key).to.not.match(/[a-z]/i);
    }
  });

  it('format arguments', () => {
    expect(formatMessage('ru', 'errorHttp', { status: 404 })).to.equal('Сервер новостей ответил ошибкой 404.');
    expect(formatMessage('en', 'byAuthors', { authors: 'Ann and Bob' })).to.equal('By Ann and Bob');
  });
});
