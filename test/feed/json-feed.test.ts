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
  it("reads an image's alt text and sizes from the _news_widgets extension (the server's printed feed), checked as third-party data", () => {
    const [story, hostile] = normalizeJsonFeed(
      feed([
        { id: 'a', date_published: '2026-11-20T09:00:00Z', image: 'a.jpg', _news_widgets: { image_alt: ' Мост ', image_sizes: [{ url: 'a-300.jpg', width: 300 }, { url: 'https://cdn.example/a-1024.jpg', width: 1024 }] } },
        { id: 'b', image: 'b.jpg', _news_widgets: { image_alt: 5, image_sizes: [{ url: 'javascript:alert(1)', width: 300 }, { url: 'b-1.jpg', width: 1.5 }, { url: 'b-2.jpg', width: -2 }, { url: 'b-3.jpg' }, null, 'b-4.jpg 400w', { url: 'b-5.jpg', width: 640 }] } },
      ]),
      base,
    ).stories;
    expect(story!.imageAlt).to.equal('Мост');
    expect(story!.imageSizes).to.deep.equal([
      { url: 'https://city.example/news/a-300.jpg', width: 300 },
      { url: 'https://cdn.example/a-1024.jpg', width: 1024 },
    ]);
    expect(hostile!.imageAlt).to.equal('5');
    expect(hostile!.imageSizes, 'one valid size is no choice of sizes').to.equal(undefined);
  });

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

  it('reads a 1.0 author beside an authors list that names no one', () => {
    const result = normalizeJsonFeed(
      {
        version: 'https://jsonfeed.org/version/1',
        authors: [],
        author: { name: 'Пресс-служба', url: '/press' },
        items: [
          { id: '1', title: 'A', authors: [], author: { name: 'Иванов' } },
          { id: '2', title: 'B', authors: [{ url: 'no-name' }], author: { name: 'Петров' } },
          { id: '3', title: 'C', authors: [] },
          { id: '4', title: 'D', authors: [{ name: 'Сидоров' }], author: { name: 'not read: authors names someone' } },
        ],
      },
      base,
    );
    expect(result.authors).to.deep.equal([{ name: 'Пресс-служба', url: 'https://city.example/press' }]);
    expect(result.stories.map((story) => story.authors.map((author) => author.name))).to.deep.equal([['Иванов'], ['Петров'], ['Пресс-служба'], ['Сидоров']]);
  });

  it('reads a language written as a POSIX locale (ru_RU) as a language tag', () => {
    const result = normalizeJsonFeed(
      feed([{ id: '1', language: 'ru_RU' }, { id: '2', language: 'zh_Hant_TW' }, { id: '3', language: 'not_a tag' }, { id: '4', language: 'en-GB' }], { language: 'ru_ru' }),
      base,
    );
    expect(result.language).to.equal('ru-RU');
    expect(result.stories.map((story) => story.language)).to.deep.equal(['ru-RU', 'zh-Hant-TW', undefined, 'en-GB']);
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

  it('dates an item that has only date_modified by it, as Atom readers date an entry by updated, also in an enormous feed', () => {
    const items = [
      { id: 'published', date_published: '2026-11-19T00:00:00Z', date_modified: '2026-11-25T00:00:00Z' },
      { id: 'modified-only', date_modified: '2026-11-20T00:00:00Z' },
    ];
    const result = normalizeJsonFeed(feed(items), base);
    expect(result.stories.map((story) => story.id)).to.deep.equal(['modified-only', 'published']);
    expect(result.stories[0]!.published!.toISOString()).to.equal('2026-11-20T00:00:00.000Z');
    expect(result.stories[1]!.published!.toISOString()).to.equal('2026-11-19T00:00:00.000Z');
    const old = Array.from({ length: 1_000 }, (_, index) => ({ id: `old-${index}`, date_published: '2020-01-01T00:00:00Z' }));
    expect(normalizeJsonFeed(feed([...old, items[1]]), base).stories[0]!.id).to.equal('modified-only');
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

  it('reads only ids and dates of every item; the rest of a story when it is used, once', () => {
    // Items whose fields count their reads: a widget that shows 5 stories of 5,000 must not resolve,
    // parse or copy the content of the other 4,995.
    const reads = new Map<string, number>();
    const counted = (index: number) => {
      const item: Record<string, unknown> = { id: `item-${index}`, date_published: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString() };
      const values: Record<string, unknown> = {
        title: `Title ${index}`,
        url: `/news/${index}.html`,
        summary: undefined,
        content_html: `<p>${'Текст новости. '.repeat(200)}</p>`,
        image: '/img/a.png',
        date_modified: '2026-11-20T10:00:00Z',
        authors: [{ name: 'admin' }],
        tags: ['город'],
        language: 'ru',
        _news_widgets: { featured: index === 0 },
      };
      for (const [key, value] of Object.entries(values)) {
        Object.defineProperty(item, key, {
          enumerable: true,
          get: () => (reads.set(key, (reads.get(key) ?? 0) + 1), value),
        });
      }
      return item;
    };
    const result = normalizeJsonFeed(feed(Array.from({ length: 5_000 }, (_, index) => counted(index))), base);
    expect(result.stories).to.have.length(1000);
    expect(result.unread).to.equal(4000);
    expect([...reads.keys()], 'fields read before any story is used').to.deep.equal([]);

    const shown = result.stories.slice(0, 5);
    expect(shown.map((story) => story.id)).to.deep.equal(['item-4999', 'item-4998', 'item-4997', 'item-4996', 'item-4995']);
    for (const story of shown) {
      expect(story.contentHtml).to.match(/^<p>Текст новости\. /);
      expect(story.contentHtml).to.equal(story.contentHtml);
      expect(story.url).to.equal(`https://city.example/news/${story.id.slice(5)}.html`);
    }
    expect(reads.get('content_html'), 'content of the shown stories, read once each').to.equal(5);
    expect(reads.get('url')).to.equal(5);
    expect(reads.has('language') || reads.has('authors') || reads.has('date_modified')).to.equal(false);

    // Used later, a story is what an eager read would have made of it.
    expect(shown[0]).to.deep.include({ title: 'Title 4999', summary: undefined, image: 'https://city.example/img/a.png', language: 'ru', tags: ['город'], featured: undefined });
    expect(shown[0]!.modified!.toISOString()).to.equal('2026-11-20T10:00:00.000Z');
    expect(shown[0]!.authors).to.deep.equal([{ name: 'admin', url: undefined }]);
    expect(Object.keys(shown[0]!)).to.deep.equal(['id', 'title', 'url', 'summary', 'contentHtml', 'contentText', 'image', 'published', 'modified', 'authors', 'tags', 'language', 'featured', 'imageAlt', 'imageSizes']);
    expect(JSON.parse(JSON.stringify(shown[1]))).to.deep.include({ id: 'item-4998', title: 'Title 4998' });
    // A field can be written like any other.
    shown[2]!.title = 'Changed';
    expect(shown[2]!.title).to.equal('Changed');
    // Also on a frozen story, and through a proxy (a framework's reactive state).
    expect(Object.freeze(result.stories[10]!).title).to.equal('Title 4989');
    expect(new Proxy(result.stories[11]!, {}).title).to.equal('Title 4988');
    expect({ ...result.stories[12]! }).to.deep.include({ id: 'item-4987', title: 'Title 4987', url: 'https://city.example/news/4987.html' });
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

  it('reads the JSON after the warnings and notices PHP printed before it, when that JSON is a feed', () => {
    const notice = (level: string, line: number) => `<br />\n<b>${level}</b>:  Undefined array key "x" in <b>/var/www/wp-content/plugins/seo/a.php</b> on line <b>${line}</b><br />\n`;
    const posts = JSON.stringify([{ id: 1, date_gmt: '2026-11-20T07:00:00', title: { rendered: 'Пост &#8220;один&#8221;' } }], null, 2);
    const jsonFeed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'a', title: 'Лента', tags: ['[x]', '{y}'] }] });
    const read = (body: string, options = {}) => parseFeedText(body, 'application/json; charset=UTF-8', base, options).stories.map((story) => story.title);
    expect(read(notice('Notice', 12) + posts)).to.deep.equal(['Пост “один”']);
    expect(read(notice('Deprecated', 3) + notice('Warning', 40) + jsonFeed + '\n')).to.deep.equal(['Лента']);
    expect(read(notice('Notice', 12) + posts, { format: 'wordpress' })).to.deep.equal(['Пост “один”']);
    // As Xdebug prints them: a table, with braces and brackets of its own.
    const xdebug = "<br />\n<font size='1'><table class='xdebug-error xe-notice'><tr><th>( ! ) Notice: Undefined variable: x in /var/www/a.php on line <i>3</i></th></tr><tr><td>{main}( )</td><td>[0]</td></tr></table></font>\n";
    expect(read(xdebug + posts)).to.deep.equal(['Пост “один”']);
    // After a prefix, JSON that is no feed is not one either; an HTML page that quotes a feed is a page.
    expect(() => parseFeedText(notice('Notice', 12) + '{"data": [1]}', 'application/json', base)).to.throw(FeedError).with.property('kind', 'format');
    expect(() => parseFeedText(`<!doctype html><html><body><pre>\n${jsonFeed}</pre></body></html>`, 'text/html', base)).to.throw(FeedError, /HTML page/);
    expect(() => parseFeedText(`Notice: x on line 1\n{"version": "https://jsonfeed.org/version/1.1", "items": [`, 'application/json', base)).to.throw(FeedError).with.property('kind', 'parse');
  });

  it('gives up at once on a hostile body with thousands of places where JSON could start after a PHP prefix, not after minutes', () => {
    // Each place starts JSON that stays valid to the end of the 2 MB body, so each try parses it all.
    const body = '<br />' + ('\n[{"a":[' + '1,'.repeat(1000)).repeat(1000) + '}';
    const started = performance.now();
    expect(() => parseFeedText(body, 'application/json', base)).to.throw(FeedError);
    expect(performance.now() - started).to.be.below(5000); // about 15 s before the bound
  });
});
