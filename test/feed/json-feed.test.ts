import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/feed-error.js';
import { normalizeJsonFeed } from '../../src/feed/json-feed.js';
import { parseFeedText } from '../../src/feed/parse-feed.js';

const base = 'https://city.example/news/feed.json';
const feed = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Город',
  items,
  ...extra,
});

describe('normalizeJsonFeed', () => {
  it('reads a JSON Feed 1.1 item into a story', () => {
    const result = normalizeJsonFeed(
      feed([
        {
          id: 'a',
          url: 'a.html',
          title: '  Заголовок  ',
          summary: 'Кратко',
          content_html: '<p>Текст</p>',
          image: '/img/a.png',
          date_published: '2026-11-20T09:00:00+07:00',
          date_modified: '2026-11-20T10:00:00Z',
          authors: [{ name: 'admin', url: 'https://city.example/admin' }, { url: 'no-name' }],
          tags: ['транспорт', 5, null, ' '],
          language: 'ru-RU',
        },
      ], { language: 'ru', home_page_url: '/' }),
      base,
    );
    expect(result.title).to.equal('Город');
    expect(result.language).to.equal('ru');
    expect(result.homePageUrl).to.equal('https://city.example/');
    const [story] = result.stories;
    expect(story).to.deep.include({
      id: 'a',
      title: 'Заголовок',
      url: 'https://city.example/news/a.html',
      summary: 'Кратко',
      contentHtml: '<p>Текст</p>',
      image: 'https://city.example/img/a.png',
      language: 'ru-RU',
    });
    expect(story!.published!.toISOString()).to.equal('2026-11-20T02:00:00.000Z');
    expect(story!.modified!.toISOString()).to.equal('2026-11-20T10:00:00.000Z');
    expect(story!.authors).to.deep.equal([{ name: 'admin', url: 'https://city.example/admin' }]);
    expect(story!.tags).to.deep.equal(['транспорт', '5']);
  });

  it('reads JSON Feed 1.0: a single author, and the feed author for items without one', () => {
    const result = normalizeJsonFeed(
      {
        version: 'https://jsonfeed.org/version/1',
        author: { name: 'Пресс-служба' },
        items: [{ id: '1', title: 'A', author: { name: 'Иванов' } }, { id: '2', title: 'B' }],
      },
      base,
    );
    expect(result.stories.map((story) => story.authors.map((author) => author.name))).to.deep.equal([['Иванов'], ['Пресс-служба']]);
  });

  it('discards items without an id, coerces numeric ids, and drops duplicates', () => {
    const result = normalizeJsonFeed(feed([{ title: 'no id' }, { id: '', title: 'empty id' }, { id: 7, title: 'seven' }, { id: '7', title: 'dup' }, null, 'text', { id: 'ok' }]), base);
    expect(result.stories.map((story) => story.id)).to.deep.equal(['7', 'ok']);
    expect(result.stories[0]!.title).to.equal('seven');
    expect(result.skipped).to.equal(5);
  });

  it('keeps only safe URLs', () => {
    const result = normalizeJsonFeed(
      feed([
        { id: '1', url: 'javascript:alert(1)', image: 'data:image/png;base64,AAAA' },
        { id: '2', url: ' JAVASCRIPT:alert(1)', external_url: 'https://elsewhere.example/x' },
        { id: '3', url: 'mailto:press@city.example', image: 'vbscript:x' },
        { id: '4', url: 'http://[invalid', banner_image: 'banner.png' },
      ]),
      base,
    );
    expect(result.stories.map((story) => [story.url, story.image])).to.deep.equal([
      [undefined, undefined],
      ['https://elsewhere.example/x', undefined],
      ['mailto:press@city.example', undefined],
      [undefined, 'https://city.example/news/banner.png'],
    ]);
  });

  it('puts the newest first, undated items last in feed order', () => {
    const result = normalizeJsonFeed(
      feed([
        { id: 'undated-1' },
        { id: 'old', date_published: '2026-01-01T00:00:00Z' },
        { id: 'new', date_published: '2026-11-01T00:00:00Z' },
        { id: 'bad-date', date_published: 'вчера' },
        { id: 'mid', date_published: '2026-06-01' },
      ]),
      base,
    );
    expect(result.stories.map((story) => story.id)).to.deep.equal(['new', 'mid', 'old', 'undated-1', 'bad-date']);
    expect(result.stories[3]!.published).to.equal(undefined);
  });

  it('reads dates without a zone as UTC, in every engine', () => {
    const result = normalizeJsonFeed(feed([{ id: '1', date_published: '2026-11-20T09:00:00' }, { id: '2', date_published: '2026-11-20 08:00:00.5z' }]), base);
    expect(result.stories.map((story) => story.published!.toISOString())).to.deep.equal(['2026-11-20T09:00:00.000Z', '2026-11-20T08:00:00.500Z']);
  });

  it('skips values of the wrong type instead of throwing', () => {
    const result = normalizeJsonFeed(
      feed([{ id: '1', title: { text: 'object' }, summary: 42, content_html: ['x'], authors: 'admin', tags: 'one', date_published: 1700000000 }], { title: 12 }),
      base,
    );
    expect(result.title).to.equal('12');
    expect(result.stories[0]).to.deep.include({ id: '1', title: undefined, summary: '42', contentHtml: undefined, published: undefined });
    expect(result.stories[0]!.tags).to.deep.equal([]);
  });

  it('throws a FeedError of kind "format" for JSON that is not a feed', () => {
    for (const value of [null, 42, 'feed', [], { data: { posts: [] } }, { version: 'https://example.org/other', items: [] }]) {
      expect(() => normalizeJsonFeed(value, base), JSON.stringify(value)).to.throw(FeedError).with.property('kind', 'format');
    }
  });
});

describe('parseFeedText', () => {
  it('tells an HTML page, broken JSON and a non-feed apart', () => {
    const kind = (body: string, type: string | null) => {
      try {
        parseFeedText(body, type, base);
        return 'ok';
      } catch (error) {
        return (error as FeedError).kind;
      }
    };
    expect(kind('<!doctype html><title>Error</title>', 'text/html')).to.equal('format');
    expect(kind('<html><body>502 Bad Gateway</body></html>', null)).to.equal('format');
    expect(kind('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'application/json')).to.equal('parse');
    expect(kind('', 'application/json')).to.equal('parse');
    expect(kind('{"data": []}', 'application/json')).to.equal('format');
    expect(kind('\uFEFF{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'application/feed+json')).to.equal('ok');
  });
});
