import { expect } from '@open-wc/testing';
import { localeChain, matchLocale } from '../../src/i18n/locale-match.js';
import { availableLocales, formatMessage, loadCatalog, registerMessages } from '../../src/i18n/messages.js';
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

  it('walks a tag from the most to the least specific form, Traditional Chinese regions through zh-Hant', () => {
    expect(localeChain('zh-TW')).to.deep.equal(['zh-TW', 'zh-Hant', 'zh']);
    expect(localeChain('zh-HK')).to.deep.equal(['zh-HK', 'zh-Hant', 'zh']);
    expect(localeChain('zh-Hant-MO')).to.deep.equal(['zh-Hant-MO', 'zh-Hant', 'zh']);
    expect(localeChain('zh-Hans-TW')).to.deep.equal(['zh-Hans-TW', 'zh-Hans', 'zh']);
    expect(localeChain('zh-CN')).to.deep.equal(['zh-CN', 'zh']);
    expect(localeChain('pt-BR')).to.deep.equal(['pt-BR', 'pt']);
    expect(localeChain('ru')).to.deep.equal(['ru']);
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

  it('take what a page\'s own catalog lacks from the shipped one its tag falls back to: Traditional for zh-TW and zh-HK', () => {
    // Every shipped catalog is loaded here: only the order of the fallbacks decides.
    registerMessages('zh-HK', { recentPostsHeading: '本區新聞' });
    registerMessages('zh-Hant-TW', { recentPostsHeading: '本市新聞' });
    registerMessages('zh-CN', { recentPostsHeading: '本市新闻' });
    registerMessages('ru-RU', { recentPostsHeading: 'Новости района' });
    expect(formatMessage('zh-HK', 'recentPostsHeading')).to.equal('本區新聞');
    expect(formatMessage('zh-Hant-TW', 'recentPostsHeading')).to.equal('本市新聞');
    for (const key of ['errorTitle', 'retry', 'featuredStoryLabel'] as MessageKey[]) {
      expect(formatMessage('zh-HK', key), key).to.equal(formatMessage('zh-Hant', key));
      expect(formatMessage('zh-Hant-TW', key), key).to.equal(formatMessage('zh-Hant', key));
      expect(formatMessage('zh-CN', key), key).to.equal(formatMessage('zh', key));
      expect(formatMessage('ru-RU', key), key).to.equal(formatMessage('ru', key));
    }
    expect(formatMessage('zh-HK', 'errorTitle')).to.equal('無法載入新聞。');
    expect(formatMessage('zh-HK', 'newStories', { count: 3 })).to.equal('3 則新消息');
    expect(formatMessage('zh-HK', 'source', { source: '港聞' })).to.equal('來源：港聞');
    // The shipped pages keep their own words.
    expect(formatMessage('zh-Hant', 'recentPostsHeading')).to.equal('最新消息');
    expect(formatMessage('zh', 'recentPostsHeading')).to.equal('最新新闻');
  });

  it('format arguments', () => {
    expect(formatMessage('ru', 'errorHttp', { status: 404 })).to.equal('Сервер новостей ответил ошибкой 404.');
    expect(formatMessage('en', 'byAuthors', { authors: 'Ann and Bob' })).to.equal('By Ann and Bob');
  });
});
