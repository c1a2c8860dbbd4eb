import { expect } from '@open-wc/testing';
import { matchLocale } from '../../src/i18n/locale-match.js';
import { availableLocales, formatMessage } from '../../src/i18n/messages.js';
import { compiledCatalogs, type MessageKey } from '../../src/i18n/compiled/index.js';

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
  });
});

describe('message catalogs', () => {
  it('ship Russian and English', () => {
    expect(availableLocales()).to.include.members(['en', 'ru']);
  });

  it('have every Russian message in Russian, none falling back to English', () => {
    for (const key of Object.keys(compiledCatalogs.en) as MessageKey[]) {
      const russian = formatMessage('ru', key, { status: 404, authors: 'admin', source: 'Мэрия' });
      expect(russian, key).to.match(/[а-яё]/i);
      expect(russian, key).to.not.equal(formatMessage('en', key, { status: 404, authors: 'admin', source: 'Мэрия' }));
    }
  });

  it('format arguments', () => {
    expect(formatMessage('ru', 'errorHttp', { status: 404 })).to.equal('Сервер новостей ответил ошибкой 404.');
    expect(formatMessage('en', 'byAuthors', { authors: 'Ann and Bob' })).to.equal('By Ann and Bob');
  });
});
