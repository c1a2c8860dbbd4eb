import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedError } from '../../src/feed/feed-error.js';
import type { Feed, Story } from '../../src/feed/story.js';
import { parseFeedText } from '../../src/feed/parse-feed.js';
import { isXmlFeedText, parseXmlFeed } from '../../src/feed/xml-feed.js';

const fixtureText = (name: string) => fetch(`/test/fixtures/feeds/xml/${name}`).then((response) => response.text());

/** The error `parseXmlFeed` throws, or `undefined` when it returns. */
function parseFailure(text: string, feedUrl?: string): unknown {
  try {
    parseXmlFeed(text, feedUrl);
    return undefined;
  } catch (error) {
    return error;
  }
}

const rss = (items: string, channel = '', namespaces = '') =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"${namespaces}><channel><title>Лента</title>${channel}${items}</channel></rss>`;

const byId = (feed: Feed, id: string): Story => {
  const story = feed.stories.find((candidate) => candidate.id === id);
  expect(story, id).to.exist;
  return story!;
};

describe('isXmlFeedText', () => {
  it('recognises RSS, Atom and RDF roots after a BOM, the prolog, comments and a doctype', () => {
    const feeds = [
      '<rss version="2.0"><channel/></rss>',
      '\uFEFF<?xml version="1.0"?>\n<rss>',
      '\n\n  <?xml version="1.0" encoding="windows-1251"?><?xml-stylesheet href="/rss.xsl" type="text/xsl"?>\n<!-- generator: CMS -->\n<rss version="0.91">',
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91">',
      '<!DOCTYPE rss [ <!ENTITY nbsp "&#160;"> <!ENTITY brackets "[x]"> <!-- > inside --> ]><rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      '<RDF>',
      '<rss/>',
    ];
    for (const text of feeds) expect(isXmlFeedText(text), text).to.equal(true);
  });

  it('rejects HTML, JSON, other XML and unterminated prologs', () => {
    const others = [
      '',
      '   ',
      '<!doctype html><html><title>RSS</title>',
      '<html><body><rss></rss></body></html>',
      '{"version": "https://jsonfeed.org/version/1.1", "items": []}',
      '<?xml version="1.0"?><opml version="2.0"/>',
      '<feedback/>',
      '<rsss/>',
      '<!-- <rss> never closed',
      '<?xml version="1.0"',
      'rss',
    ];
    for (const text of others) expect(isXmlFeedText(text), text).to.equal(false);
  });
});

describe('parseXmlFeed: RSS', () => {
  it('reads a WordPress-style RSS 2.0 feed: CDATA, entities, content:encoded, dc:creator, enclosures, Media RSS', async () => {
    const feed = parseXmlFeed(await fixtureText('rich.rss.xml'), 'https://klyuchevsk.example/feed/');
    expect(feed.title).to.equal('Городские новости — Ключевск');
    // The channel's own <link>, not the atom:link rel="self" before it.
    expect(feed.homePageUrl).to.equal('https://klyuchevsk.example/');
    expect(feed.language).to.equal('ru-RU');
    expect(feed.skipped).to.equal(0);
    expect(feed.stories.map((story) => story.id)).to.deep.equal([
      'https://klyuchevsk.example/?p=1024',
      'https://klyuchevsk.example/2026/11/19/koncert/',
      'https://klyuchevsk.example/2026/11/18/thumb/',
    ]);

    const [tariffs, concert, thumb] = feed.stories;
    expect(tariffs).to.deep.include({
      title: 'Тарифы на проезд «не изменятся» в 2027 году',
      url: 'https://klyuchevsk.example/2026/11/20/tarify/',
      // With content:encoded, the description is the summary, as plain text (the no-break space kept).
      summary: 'Стоимость поездки останется прежней — 38\u00A0рублей. Подробнее […]',
      image: 'https://klyuchevsk.example/wp-content/uploads/bus-1200.jpg',
      contentText: undefined,
      language: undefined,
    });
    expect(tariffs!.contentHtml).to.equal('<p>Стоимость поездки <strong>останется прежней</strong>.</p>\n<p><img src="/wp-content/uploads/bus.jpg" alt=""></p>');
    expect(tariffs!.published!.toISOString()).to.equal('2026-11-20T06:15:00.000Z');
    expect(tariffs!.authors).to.deep.equal([{ name: 'Анна Смирнова' }]);
    expect(tariffs!.tags).to.deep.equal(['Транспорт', 'Тарифы']);

    // Escaped HTML and double-escaped entities in a title come out as plain text.
    expect(concert!.title).to.equal('Концерт "Осенний вальс" перенесён');
    expect(concert!.url).to.equal('https://klyuchevsk.example/2026/11/19/koncert/');
    expect(concert!.authors).to.deep.equal([{ name: 'Отдел культуры' }]);
    // Without content:encoded the description is the body, and the excerpt comes from it.
    expect(concert!.summary).to.equal(undefined);
    expect(concert!.contentHtml).to.equal('<p>Новая дата &mdash; 27 ноября.</p>');
    // Audio and video enclosures are not images; media:content medium="image" is.
    expect(concert!.image).to.equal('https://klyuchevsk.example/img/koncert.webp');

    // A permalink guid stands in for a missing link; a thumbnail in media:group is the image.
    expect(thumb).to.deep.include({ url: 'https://klyuchevsk.example/2026/11/18/thumb/', image: 'https://klyuchevsk.example/img/thumb.png', contentHtml: undefined });
    expect(thumb!.published!.toISOString()).to.equal('2026-11-18T07:00:00.000Z');
  });

  it('keeps an item without a title, and skips one it cannot tell apart', async () => {
    const feed = parseXmlFeed(await fixtureText('untitled-item.rss.xml'), 'https://obyavleniya.example/rss');
    expect(feed.skipped).to.equal(1);
    expect(feed.stories).to.have.length(2);
    const [untitled, titled] = feed.stories;
    expect(untitled).to.deep.include({ id: 'https://obyavleniya.example/makulatura', title: undefined, url: 'https://obyavleniya.example/makulatura', summary: undefined });
    expect(untitled!.contentHtml).to.match(/^<p>Уважаемые жители! 21&nbsp;ноября/);
    // Neither guid nor link: the title and date make the id.
    expect(titled).to.deep.include({ id: 'Объявление с заголовком и датой, без ссылки Thu, 19 Nov 2026 04:00:00 GMT', url: undefined });
  });

  it('reads RSS 1.0 (RDF): items next to the channel, dc:date, dc:subject, dc:language', async () => {
    const feed = parseXmlFeed(await fixtureText('rdf.rss.xml'));
    expect(feed).to.deep.include({ title: 'Библиотека', homePageUrl: 'https://library.example/', language: 'ru', skipped: 0 });
    expect(feed.stories.map((story) => [story.id, story.title, story.published?.toISOString()])).to.deep.equal([
      ['https://library.example/new/2', 'Выставка краеведов', '2026-11-18T09:00:00.000Z'],
      ['https://library.example/new/1', 'Новые книги для детей', '2026-11-17T09:00:00.000Z'],
    ]);
    expect(feed.stories[0]!.authors).to.deep.equal([{ name: 'Мария Иванова' }]);
    expect(feed.stories[0]!.contentHtml).to.equal('Работы местных краеведов.');
    expect(feed.stories[1]!.tags).to.deep.equal(['Дети']);
  });

  it('resolves relative item links against the feed URL, and keeps only safe URLs', () => {
    const feed = parseXmlFeed(
      rss(`
        <item><title>a</title><link>news/a.html</link><enclosure url="/img/a.png" type="image/png"/></item>
        <item><title>b</title><link>javascript:alert(1)</link><enclosure url="data:image/png;base64,AAAA" type="image/png"/></item>
        <item><title>c</title><link> https://elsewhere.example/c </link><image>/img/c.gif</image></item>
        <item><title>d</title><guid isPermaLink="false">https://city.example/d</guid><enclosure url="/files/d.jpg?size=large"/></item>
        <item><title>e</title><guid>e-17</guid><image><url>pics/e.jpeg</url></image></item>`),
      'https://city.example/rss/feed.xml',
    );
    expect(feed.stories.map((story) => [story.title, story.url, story.image])).to.deep.equal([
      ['a', 'https://city.example/rss/news/a.html', 'https://city.example/img/a.png'],
      ['b', undefined, undefined],
      ['c', 'https://elsewhere.example/c', 'https://city.example/img/c.gif'],
      // isPermaLink="false": the guid is only an id. An enclosure without a type is an image by its extension.
      ['d', undefined, 'https://city.example/files/d.jpg?size=large'],
      ['e', undefined, 'https://city.example/rss/pics/e.jpeg'],
    ]);
  });

  it('reads authors, tags and languages', () => {
    const feed = parseXmlFeed(
      rss(
        `<item xml:lang="en-us"><guid>1</guid><dc:creator>Пресс-служба</dc:creator><dc:creator>Пресс-служба</dc:creator><author>Иванов И. И. &lt;ivanov@city.example&gt;</author>
           <category> Город </category><category domain="x">ЖКХ</category><category>Город</category><category>  </category></item>
         <item><guid>2</guid></item>
         <item><guid>3</guid><author>editor@city.example</author></item>`,
        '<language>RU</language><dc:creator>Редакция</dc:creator>',
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ),
    );
    expect(feed.language).to.equal('ru');
    expect(feed.authors).to.deep.equal([{ name: 'Редакция' }]);
    const [first, second, third] = feed.stories;
    expect(first!.authors).to.deep.equal([{ name: 'Пресс-служба' }, { name: 'Иванов И. И.' }]);
    expect(first!.tags).to.deep.equal(['Город', 'ЖКХ']);
    expect(first!.language).to.equal('en-US');
    // Items without an author are by the channel's author, as in JSON Feed.
    expect(second!.authors).to.deep.equal([{ name: 'Редакция' }]);
    expect(second!.language).to.equal(undefined);
    expect(third!.authors).to.deep.equal([{ name: 'editor@city.example' }]);
  });

  it('reads pubDate in its real-world variants, and dc:date', () => {
    const feed = parseXmlFeed(
      rss(
        ['Wed, 20 Nov 2026 10:00:00 +0300', '20 Nov 2026 8:00 GMT', 'wed, 18 NOV 26 10:00:00 msk', '2026-11-17T10:00:00Z', 'вчера', ''].map((date, index) => `<item><guid>${index}</guid><pubDate>${date}</pubDate></item>`).join('') +
          '<item><guid>dc</guid><dc:date>2026-11-19T12:00:00+03:00</dc:date></item>',
        '',
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ),
    );
    expect(feed.stories.map((story) => [story.id, story.published?.toISOString()])).to.deep.equal([
      ['1', '2026-11-20T08:00:00.000Z'],
      ['0', '2026-11-20T07:00:00.000Z'],
      ['dc', '2026-11-19T09:00:00.000Z'],
      ['2', '2026-11-18T07:00:00.000Z'],
      ['3', '2026-11-17T10:00:00.000Z'],
      ['4', undefined],
      ['5', undefined],
    ]);
  });

  it('takes the first picture in the body or description as the image when no enclosure or Media RSS gives one', () => {
    const feed = parseXmlFeed(
      rss(
        `<item><guid>description</guid><link>https://city.example/news/a/</link><description>&lt;p&gt;Текст&lt;/p&gt;&lt;img src="pics/a.jpg" alt=""&gt;&lt;img src="/second.jpg"&gt;</description></item>
         <item><guid>pixels</guid><link>https://city.example/news/b/</link>
           <description><![CDATA[<img src="https://city.example/summary.jpg">]]></description>
           <content:encoded><![CDATA[<p><img src="https://stats.example/pixel.gif" width="1" height="1"> <img class="wp-smiley emoji" src="https://s.w.org/emoji/1f600.png" alt="😀"></p>
             <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/lazy.jpg"><IMG ALT='' SRC='https://cdn.example/b.png?w=1&amp;h=2' WIDTH='10'></p>]]></content:encoded></item>
         <item><guid>summary</guid><link>https://city.example/news/c/</link>
           <description><![CDATA[<img src="/c.jpg" width="640">Кратко]]></description><content:encoded><![CDATA[<p>Без картинок</p>]]></content:encoded></item>
         <item><guid>enclosure</guid><enclosure url="https://city.example/enclosure.jpg" type="image/jpeg"/><description>&lt;img src="/body.jpg"&gt;</description></item>
         <item><guid>unlinked</guid><description>&lt;img src='img/d.png'&gt;</description></item>
         <item><guid>none</guid><description>&lt;img src="javascript:alert(1)"&gt;&lt;img&gt;&lt;p&gt;img src="/x.jpg"&lt;/p&gt;</description></item>`,
        '',
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
      ),
      'https://city.example/rss/feed.xml',
    );
    expect(Object.fromEntries(feed.stories.map((story) => [story.id, story.image]))).to.deep.equal({
      // Resolved against the story's link, as the body's own images are.
      description: 'https://city.example/news/a/pics/a.jpg',
      // Not a tracking pixel, an emoji or a data: URL; entities in the attribute decoded.
      pixels: 'https://cdn.example/b.png?w=1&h=2',
      // The description that is only the summary, when the body has no picture.
      summary: 'https://city.example/c.jpg',
      enclosure: 'https://city.example/enclosure.jpg',
      // Without a link: against the feed's URL.
      unlinked: 'https://city.example/rss/img/d.png',
      none: undefined,
    });
  });

  it('reads dc:date when pubDate cannot be read, and pubDate when dc:date cannot', () => {
    const feed = parseXmlFeed(
      rss(
        `<item><guid>pubDate unreadable</guid><pubDate>пятница, полдень</pubDate><dc:date>2026-11-20T12:00:00+03:00</dc:date></item>
         <item><guid>dc:date unreadable</guid><dc:date>20/11/2026</dc:date><pubDate>Thu, 19 Nov 2026 10:00:00 GMT</pubDate></item>
         <item><guid>both</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate><dc:date>2026-11-01T00:00:00Z</dc:date></item>
         <item><guid>neither</guid><pubDate>вчера</pubDate><dc:date>позавчера</dc:date></item>`,
        '',
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ),
    );
    expect(feed.stories.map((story) => [story.id, story.published?.toISOString()])).to.deep.equal([
      ['pubDate unreadable', '2026-11-20T09:00:00.000Z'],
      ['dc:date unreadable', '2026-11-19T10:00:00.000Z'],
      ['both', '2026-11-18T10:00:00.000Z'],
      ['neither', undefined],
    ]);
  });

  it('takes the largest image of a media:group, by width', () => {
    const feed = parseXmlFeed(
      rss(
        `<item><guid>contents</guid><media:group>
           <media:content url="https://city.example/a-300.jpg" medium="image" width="300"/>
           <media:content url="https://city.example/a.mp4" type="video/mp4" width="1920"/>
           <media:content url="https://city.example/a-nowidth.jpg" medium="image"/>
           <media:content url="https://city.example/a-1200.jpg" medium="image" width="1200"/>
           <media:content url="https://city.example/a-800.jpg" medium="image" width="800"/>
         </media:group></item>
         <item><guid>thumbnails</guid><media:group>
           <media:thumbnail url="https://city.example/b-75.jpg" width="75" height="50"/>
           <media:thumbnail url="https://city.example/b-600.jpg" width="600" height="400"/>
           <media:thumbnail url="https://city.example/b-150.jpg" width="150" height="100"/>
         </media:group></item>
         <item><guid>no widths</guid><media:group>
           <media:content url="https://city.example/c-first.jpg" medium="image"/><media:content url="https://city.example/c-second.jpg" medium="image"/>
         </media:group></item>`,
        '',
        ' xmlns:media="http://search.yahoo.com/mrss/"',
      ),
    );
    expect(feed.stories.map((story) => [story.id, story.image])).to.deep.equal([
      ['contents', 'https://city.example/a-1200.jpg'],
      ['thumbnails', 'https://city.example/b-600.jpg'],
      ['no widths', 'https://city.example/c-first.jpg'],
    ]);
  });

  it('counts duplicate ids and empty items as skipped', () => {
    const feed = parseXmlFeed(rss('<item><guid>x</guid><title>first</title></item><item><guid>x</guid><title>second</title></item><item/><item><description>only text</description></item>'));
    expect(feed.stories.map((story) => story.title)).to.deep.equal(['first']);
    expect(feed.skipped).to.equal(3);
  });

  it('reads a Yandex.News feed (1C-Bitrix): yandex:full-text is the body, the description its summary', async () => {
    const feed = parseXmlFeed(await fixtureText('yandex-news.rss.xml'), 'https://zarechny.example/rss/');
    expect(feed.skipped).to.equal(0);
    const [bridge, reception, water] = feed.stories;
    expect(bridge).to.deep.include({
      title: 'В Заречном отремонтируют мост через Сылву',
      url: 'https://zarechny.example/press/news/12345/',
      summary: 'Ремонт моста начнётся 1 декабря и продлится до конца мая.',
      contentHtml: undefined,
      image: 'https://zarechny.example/upload/iblock/3f2/most.jpg',
    });
    // Each line a paragraph (blank lines between, as featured-story splits them), the template's
    // indentation gone, entities the CMS escaped twice decoded (the no-break space kept).
    expect(bridge!.contentText).to.equal(
      [
        'Ремонт моста через реку Сылву на улице Ленина начнётся 1\u00A0декабря и продлится до конца мая 2027 года.',
        'Подрядчик «Дорстрой» заменит пролётное строение и перила.',
        'На время работ движение транспорта будет закрыто, автобусы № 3 и № 7 пойдут в объезд по улице Мира.',
        'Пешеходный переход сохранится.',
      ].join('\n\n'),
    );
    // <author> holds a plain name here, not an e-mail address as RSS 2.0 says: it is the name.
    expect(bridge!.authors).to.deep.equal([{ name: 'Пресс-служба администрации' }]);
    expect(bridge!.tags).to.deep.equal(['Городское хозяйство']);

    // Escaped HTML in yandex:full-text is an HTML body, for the sanitizer, like content:encoded.
    expect(reception).to.deep.include({
      summary: 'График приёма граждан главой города.',
      contentHtml: '<p>Глава города ведёт приём по вторникам с&nbsp;14:00.</p><p>Запись по телефону <b>2-15-00</b>.</p>',
      contentText: undefined,
      image: 'https://zarechny.example/upload/iblock/a01/priem.png',
    });
    expect(reception!.authors).to.deep.equal([{ name: 'Иванова Мария Петровна' }]);

    // Only a description: it is the body, as before.
    expect(water).to.deep.include({ summary: undefined, contentText: undefined, contentHtml: '<p>21 ноября с 9:00 до 17:00 не будет холодной воды на улице Садовой.</p>' });
    expect(water!.authors).to.deep.equal([{ name: 'МУП «Водоканал»' }]);
  });

  it('reads a Yandex Turbo feed: turbo:content is the HTML body, without the header that repeats the title and cover', async () => {
    const feed = parseXmlFeed(await fixtureText('turbo.rss.xml'), 'https://rayon.example/turbo.xml');
    const [school, yard] = feed.stories;
    expect(school).to.deep.include({
      // No <title>: the header's h1 is the title; no enclosure: its cover is the image.
      title: 'Новая школа откроется в\u00A0сентябре',
      url: 'https://rayon.example/news/2026/11/20/shkola/',
      summary: 'Строительство школы на 550 мест завершено на 80 процентов.',
      image: 'https://rayon.example/upload/shkola-cover.jpg',
      contentText: undefined,
    });
    const body = school!.contentHtml!;
    expect(body).to.match(/^<p>Строительство школы на 550 мест/);
    expect(body).to.include('<figure><img src="/upload/shkola-fasad.jpg" /><figcaption>Фасад школы, ноябрь 2026 года</figcaption></figure>');
    expect(body).to.include('<b>1 августа</b>');
    expect(body).not.to.match(/<header|<h1|<menu|shkola-cover/);
    expect(school!.authors).to.deep.equal([{ name: 'Ольга Кузнецова' }]);

    // The body is raw, as from content:encoded: the sanitizer makes it safe (see the component tests).
    expect(yard).to.deep.include({ title: 'Итоги конкурса «Лучший двор»', summary: undefined, image: 'https://rayon.example/upload/dvor.jpg' });
    expect(yard!.contentHtml).to.include('<script>');
  });

  it('takes the body from content:encoded, then turbo:content, then yandex:full-text, then the description', () => {
    const description = '<description>Анонс</description>';
    const encoded = '<content:encoded>&lt;p&gt;encoded&lt;/p&gt;</content:encoded>';
    const turbo = '<turbo:content><![CDATA[<p>turbo</p>]]></turbo:content>';
    const fullText = '<yandex:full-text>full text</yandex:full-text>';
    const feed = parseXmlFeed(
      rss(
        [
          [encoded, turbo, fullText, description],
          [fullText, turbo, description],
          [fullText, description],
          [description],
          [fullText],
          // Elements of those names in another namespace are not read.
          ['<x:encoded>x</x:encoded><x:full-text>x</x:full-text><x:content>x</x:content>', description],
        ]
          .map((fields, index) => `<item><guid>${index}</guid>${fields.join('')}</item>`)
          .join(''),
        '',
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:turbo="http://turbo.yandex.ru" xmlns:yandex="http://news.yandex.ru" xmlns:x="https://other.example/"',
      ),
    );
    expect(feed.stories.map(({ id, summary, contentHtml, contentText }) => ({ id, summary, contentHtml, contentText }))).to.deep.equal([
      { id: '0', summary: 'Анонс', contentHtml: '<p>encoded</p>', contentText: undefined },
      { id: '1', summary: 'Анонс', contentHtml: '<p>turbo</p>', contentText: undefined },
      { id: '2', summary: 'Анонс', contentHtml: undefined, contentText: 'full text' },
      { id: '3', summary: undefined, contentHtml: 'Анонс', contentText: undefined },
      { id: '4', summary: undefined, contentHtml: undefined, contentText: 'full text' },
      { id: '5', summary: undefined, contentHtml: 'Анонс', contentText: undefined },
    ]);
  });

  it('reads hostile Turbo headers and full texts in bounded time', () => {
    const bodies = [
      `<turbo:content><![CDATA[<header>${'<h1<img src'.repeat(150_000)}</header><p>x</p>]]></turbo:content>`,
      `<turbo:content><![CDATA[<header>${'<h1><img src=x '.repeat(150_000)}</header>]]></turbo:content>`,
      `<turbo:content><![CDATA[${' <header'.repeat(200_000)}]]></turbo:content>`,
      `<yandex:full-text>${'&amp;amp;\n&lt;a '.repeat(50_000)}</yandex:full-text>`,
    ];
    for (const body of bodies) {
      const started = performance.now();
      const feed = parseXmlFeed(rss(`<item><guid>1</guid>${body}</item>`, '', ' xmlns:turbo="http://turbo.yandex.ru" xmlns:yandex="http://news.yandex.ru"'));
      const [story] = feed.stories;
      expect([story!.title, story!.image, story!.summary, story!.contentHtml, story!.contentText]).to.have.length(5);
      // Linear: well under a second unloaded. A regular expression that backtracks over the whole header per tag would take minutes.
      expect(performance.now() - started, body.slice(0, 40)).to.be.below(5000);
    }
  });

  it('takes unescaped markup in a description as HTML', () => {
    const feed = parseXmlFeed(rss('<item><guid>1</guid><description>Текст <b>жирный</b> &amp; <a href="/x">ссылка</a></description></item>'));
    expect(feed.stories[0]!.contentHtml).to.equal('Текст <b>жирный</b> &amp; <a href="/x">ссылка</a>');
  });
});

describe('parseXmlFeed: Atom', () => {
  it('resolves nested, relative xml:base from the feed URL for links, images and content', async () => {
    const feed = parseXmlFeed(await fixtureText('xml-base.atom.xml'), 'https://oblast.example/feeds/atom.xml');
    expect(feed).to.deep.include({
      title: 'Новости области & городов',
      homePageUrl: 'https://oblast.example/feeds/region/',
      language: 'ru',
      skipped: 2,
    });
    expect(feed.authors).to.deep.equal([{ name: 'Пресс-центр', url: 'https://oblast.example/feeds/region/about/press' }]);
    expect(feed.stories.map((story) => story.id)).to.deep.equal([
      'tag:oblast.example,2026:bridge',
      'tag:oblast.example,2026:school',
      'tag:oblast.example,2026:english',
      'tag:oblast.example,2026:unsafe',
      'Entry without id, link or date: kept by its title',
    ]);

    const [bridge, school, english, unsafe] = feed.stories;
    expect(bridge).to.deep.include({
      title: 'Мост через Обь: движение открыто',
      url: 'https://oblast.example/feeds/region/2026/11/bridge.html',
      image: 'https://oblast.example/feeds/region/img/bridge.jpg',
      summary: 'Первый автобус прошёл в\u00A06:00. Подробности — ниже.',
      contentText: undefined,
      language: undefined,
    });
    expect(bridge!.published!.toISOString()).to.equal('2026-11-20T02:00:00.000Z');
    expect(bridge!.modified!.toISOString()).to.equal('2026-11-20T04:30:00.000Z');
    expect(bridge!.tags).to.deep.equal(['transport', 'Мосты']);
    // Entries without authors are by the feed's.
    expect(bridge!.authors).to.deep.equal(feed.authors);
    // Inline XHTML: the div's children, serialized, with the content's own xml:base applied.
    const html = bridge!.contentHtml!;
    expect(html).to.match(/^<p>Фото: <img /);
    expect(html).to.include('src="https://oblast.example/media/bridge-night.jpg"');
    expect(html).to.include('<a href="https://oblast.example/docs/plan.pdf">План работ</a>');
    expect(html).to.include('<a href="#map">карта</a>');
    expect(html).not.to.include('xmlns');
    expect(html).not.to.include('<div');

    expect(school).to.deep.include({
      title: 'Школа №\u00A012 открыта',
      url: 'https://mirror.example/press/school-12',
      image: 'https://mirror.example/press/thumbs/school.png',
      contentHtml: '<p>Смотрите <a href="https://mirror.example/press/inner/gallery/">галерею</a>.</p>',
    });
    // No published: updated stands in.
    expect(school!.published!.toISOString()).to.equal('2026-11-19T15:00:00.000Z');
    expect(school!.authors).to.deep.equal([{ name: 'Иван Петров', url: undefined }]);

    expect(english).to.deep.include({
      title: 'Oblast news in English',
      url: 'https://oblast.example/en/news/1',
      language: 'en',
      contentText: 'Plain text body.\n\nSecond paragraph.',
      contentHtml: undefined,
    });
    expect(english!.modified).to.equal(undefined);

    expect(unsafe).to.deep.include({ title: 'Без даты', url: undefined, published: undefined, modified: undefined });
  });

  it('leaves relative URLs unresolved without a feed URL, but uses an absolute xml:base', async () => {
    const feed = parseXmlFeed(await fixtureText('xml-base.atom.xml'));
    expect(feed.homePageUrl).to.equal(undefined);
    expect(byId(feed, 'tag:oblast.example,2026:bridge').url).to.equal(undefined);
    expect(byId(feed, 'tag:oblast.example,2026:school').url).to.equal('https://mirror.example/press/school-12');
  });

  it('reads text constructs of each type, and prefers the alternate HTML link', () => {
    const feed = parseXmlFeed(`<feed xmlns="http://www.w3.org/2005/Atom">
      <entry>
        <id>1</id>
        <title type="html">&lt;![CDATA[]]&gt;Ремонт &lt;i&gt;дорог&lt;/i&gt; &amp;amp; мостов</title>
        <link rel="self" href="https://city.example/self"/>
        <link rel="alternate" type="application/json" href="https://city.example/1.json"/>
        <link rel="alternate" type="text/html" href="https://city.example/1.html"/>
        <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Первый</p><p>второй</p></div></summary>
        <content type="html">&lt;p&gt;Тело&lt;/p&gt;</content>
        <published>Fri, 20 Nov 2026 10:00:00 +0300</published>
      </entry>
      <entry>
        <id>2</id>
        <title>  Текст &amp; &lt;b&gt; как есть </title>
        <summary type="text">a &lt; b</summary>
        <content src="https://city.example/2.pdf" type="application/pdf"/>
      </entry>
    </feed>`);
    const [first, second] = feed.stories;
    expect(first).to.deep.include({ title: 'Ремонт дорог & мостов', url: 'https://city.example/1.html', summary: 'Первый второй', contentHtml: '<p>Тело</p>' });
    expect(first!.published!.toISOString()).to.equal('2026-11-20T07:00:00.000Z');
    // type="text" is plain text already: "<b>" is text, not a tag.
    expect(second).to.deep.include({ title: 'Текст & <b> как есть', summary: 'a < b', contentHtml: undefined, contentText: undefined });
  });

  it('falls back to the source\'s author, and reads Atom 0.3', () => {
    const feed = parseXmlFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><author><name>Лента</name></author>
      <entry><id>1</id><source><author><name>Источник</name></author></source></entry></feed>`);
    expect(feed.stories[0]!.authors).to.deep.equal([{ name: 'Источник', url: undefined }]);

    const old = parseXmlFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
      <entry><id>a</id><title>Old entry</title><link rel="alternate" type="text/html" href="https://old.example/a"/>
        <issued>2004-01-01T10:00:00Z</issued><modified>2004-01-02T10:00:00Z</modified>
        <content type="text/html" mode="escaped">&lt;p&gt;Escaped&lt;/p&gt;</content></entry></feed>`);
    expect(old.stories[0]).to.deep.include({ title: 'Old entry', url: 'https://old.example/a', contentHtml: '<p>Escaped</p>' });
    expect(old.stories[0]!.published!.toISOString()).to.equal('2004-01-01T10:00:00.000Z');
    expect(old.stories[0]!.modified!.toISOString()).to.equal('2004-01-02T10:00:00.000Z');
  });
});

describe('parseXmlFeed: errors and repairs', () => {
  it('throws "parse" for a truncated feed, and "format" for XML that is not a feed', async () => {
    const truncated = parseFailure(await fixtureText('truncated.rss.xml'));
    expect(truncated).to.be.instanceOf(FeedError);
    expect(truncated).to.have.property('kind', 'parse');
    expect((truncated as FeedError).message).to.match(/^The feed is not well-formed XML: \S/);

    for (const text of ['<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', '<?xml version="1.0"?><opml version="2.0"><body/></opml>', '<feed xmlns="http://example.org/not-atom"/>', '<channel><item/></channel>']) {
      const error = parseFailure(text);
      expect(error, text).to.be.instanceOf(FeedError);
      expect(error, text).to.have.property('kind', 'format');
    }
  });

  it('forgives blank lines before the declaration, an unknown encoding label, bare ampersands, HTML entities and control characters', () => {
    const text =
      '\n\n<?xml version="1.0" encoding="x-bogus-charset"?>\n' +
      rss(`<item>
        <title>Ёлка&nbsp;&mdash; 31&#160;декабря &laquo;у&nbsp;ДК&raquo;\u0007 &unknown; &#1;</title>
        <link>https://city.example/?id=5&page=2</link>
        <description><![CDATA[<p>AT&T &nbsp; stays as written in CDATA</p>]]></description>
      </item>`).replace(/^<\?xml[^>]*>/, '');
    const feed = parseXmlFeed(text);
    const [story] = feed.stories;
    expect(story!.title).to.equal('Ёлка\u00A0— 31\u00A0декабря «у\u00A0ДК» &unknown;');
    expect(story!.url).to.equal('https://city.example/?id=5&page=2');
    expect(story!.contentHtml).to.equal('<p>AT&T &nbsp; stays as written in CDATA</p>');
  });

  it('reads a feed after the warnings PHP printed before its XML declaration', () => {
    const notice = '<br />\n<b>Deprecated</b>:  Function create_function() is deprecated in <b>/var/www/wp-content/plugins/rss.php</b> on line <b>12</b><br />\n';
    const feed = rss('<item><guid>1</guid><title>После предупреждения</title></item>');
    for (const format of [undefined, 'rss']) {
      expect(parseFeedText(notice + feed, 'application/rss+xml', 'https://city.example/feed/', { format }).stories.map((story) => story.title), format).to.deep.equal(['После предупреждения']);
    }
    // An HTML page is still one, whatever it quotes.
    expect(() => parseFeedText('<!doctype html><html><body><pre>&lt;?xml version="1.0"?&gt;&lt;rss&gt;</pre></body></html>', 'text/html', undefined)).to.throw(FeedError, /HTML page/);
  });

  it('forgives a bare "<" that starts no markup, as in "<3" or "a < b"', () => {
    const feed = parseXmlFeed(rss('<item><guid>1</guid><title>Tom & Jerry <3</title><description>Если a < b и 2<5, то <b>да</b></description></item>'));
    const [story] = feed.stories;
    expect(story!.title).to.equal('Tom & Jerry <3');
    expect(story!.contentHtml).to.equal('Если a &lt; b и 2&lt;5, то <b>да</b>');
  });

  it('uses entities the feed declares itself', () => {
    const feed = parseXmlFeed('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY city "Ключевск">]><rss><channel><title>&city;&nbsp;news</title></channel></rss>');
    expect(feed.title).to.equal('Ключевск\u00A0news');
  });

  it('refuses entity expansion attacks quickly, in every engine', () => {
    const levels = Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('');
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]><rss><channel><title>&lol9;</title></channel></rss>`;
    const quadratic = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${'x'.repeat(50_000)}">]><rss><channel><title>${'&big;'.repeat(200)}</title></channel></rss>`;
    for (const text of [laughs, quadratic]) {
      const started = performance.now();
      const error = parseFailure(text);
      expect(error).to.be.instanceOf(FeedError);
      expect(error).to.have.property('kind', 'parse');
      expect(performance.now() - started).to.be.below(1000);
    }
  });

  it('never throws anything but a FeedError, and returns in bounded time', () => {
    const items = '<item><title>Новость</title><guid>g</guid><description>&lt;p&gt;Текст&lt;/p&gt;</description></item>';
    const inputs: unknown[] = [
      '',
      ' ',
      '<rss/>',
      '<rss><channel><item/></channel></rss>',
      '<rss><item><title>RSS 0.9 item outside a channel</title></item></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry/><entry><id> </id></entry></feed>',
      'garbage',
      '<',
      '<rss',
      '<?xml version="1.0"?>',
      '\uFEFF',
      '\u0000\u0001',
      '<rss><channel><item><title><![CDATA[unclosed',
      '<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item><guid>1</guid><media:content/><media:thumbnail url=""/><enclosure/></item></channel></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="::::"><entry xml:base="javascript:alert(1)"><id>1</id><link href="x"/><content type="xhtml"/></entry></feed>',
      `<rss><channel>${items.replace('<guid>g</guid>', '')}${items.repeat(20_000)}</channel></rss>`, // ~2 MB, duplicate ids
      'x'.repeat(2_000_000),
      `<rss><channel>${'<item><title>t'.repeat(150_000)}`, // 2 MB, unclosed
      `<rss><channel><title>${'&amp;&nbsp;&'.repeat(150_000)}</title></channel></rss>`, // 2 MB, repaired
      // Inputs that make naive regular expressions backtrack for minutes
      `<rss><channel><item><guid>1</guid><title>${'&lt;![CDATA[&lt;!'.repeat(100_000)}</title><author>${'a@'.repeat(200_000)}(</author></item></channel></rss>`,
      `<rss><channel><title>${'<![CDATA[<!--'.repeat(150_000)}`,
      `<?xml ${' '.repeat(2_000_000)}`,
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "x">]><rss><channel><title>${'&e;'.repeat(600_000)}</title></channel></rss>`,
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/"><entry><id>1</id><content type="html">${'&lt;a href=x '.repeat(150_000)}</content></entry></feed>`,
      undefined,
      null,
      42,
    ];
    for (const input of inputs) {
      const label = typeof input === 'string' ? `${JSON.stringify(input.slice(0, 60))} (${input.length})` : String(input);
      const started = performance.now();
      let result: Feed | undefined;
      try {
        result = parseXmlFeed(input as string, 'https://city.example/feed.xml');
      } catch (error) {
        expect(error, label).to.be.instanceOf(FeedError);
        expect(['parse', 'format'], label).to.include((error as FeedError).kind);
      }
      if (result) {
        expect(result.stories, label).to.be.an('array');
        expect(result.skipped, label).to.be.a('number');
      }
      expect(performance.now() - started, label).to.be.below(5000);
    }

    expect(parseXmlFeed('<rss/>')).to.deep.equal({ title: undefined, homePageUrl: undefined, language: undefined, authors: [], stories: [], skipped: 0 });
    expect(parseXmlFeed('<rss><channel><item/></channel></rss>').skipped).to.equal(1);
    const big = parseXmlFeed(`<rss><channel>${items.repeat(20_000)}</channel></rss>`);
    expect(big.stories).to.have.length(1);
    expect(big.skipped).to.equal(19_999);
  });

  /** The texts `parseXmlFeed` gave the browser's parser for `text`: the feed's, then the repaired one if it needed it. */
  function parsedTexts(text: string, feedUrl?: string): { feed: Feed; texts: string[] } {
    const parse = sinon.spy(DOMParser.prototype, 'parseFromString');
    try {
      return { feed: parseXmlFeed(text, feedUrl), texts: parse.args.map(([source]) => String(source)) };
    } finally {
      parse.restore();
    }
  }

  it('declares the namespace prefixes a feed uses without declaring them (Yandex.News, Media RSS, Dublin Core, its own)', async () => {
    const { feed, texts } = parsedTexts(await fixtureText('undeclared-prefixes.rss.xml'), 'https://sosnovka.example/rss.php');
    expect(texts).to.have.length(2);
    // On the root, with the namespaces the reader knows them by; its own prefix with one nothing reads.
    const root = /<rss\b[^>]*>/.exec(texts[1]!)![0];
    for (const declaration of ['xmlns:yandex="http://news.yandex.ru"', 'xmlns:media="http://search.yahoo.com/mrss/"', 'xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:atom="http://www.w3.org/2005/Atom"', 'xmlns:site="urn:x-undeclared:site"']) {
      expect(root).to.include(declaration);
    }
    // Only in CDATA (Word's <o:p> in an HTML description): text, not a name, so not declared.
    expect(root).not.to.include('xmlns:o=');

    expect(feed.title).to.equal('Администрация Сосновского сельского поселения');
    expect(feed.skipped).to.equal(0);
    const [gathering, rubbish] = feed.stories;
    expect(gathering).to.deep.include({
      title: 'Сход граждан 5 декабря',
      summary: 'Обсудим ремонт дороги на улице Лесной.',
      contentText: 'Сход граждан пройдёт 5 декабря в 18:00 в Доме культуры.\n\nНа повестке: ремонт дороги на улице Лесной.',
      contentHtml: undefined,
      image: 'https://sosnovka.example/upload/skhod.jpg',
      tags: [],
    });
    expect(gathering!.authors).to.deep.equal([{ name: 'Глава поселения' }]);
    expect(rubbish).to.deep.include({
      contentHtml: '<p class="MsoNormal">Вывоз мусора по вторникам и пятницам.<o:p></o:p></p>',
      image: 'https://sosnovka.example/upload/grafik.png',
    });
    expect(rubbish!.authors).to.deep.equal([{ name: 'Специалист администрации' }]);
  });

  it('declares undeclared prefixes in Atom, on an RDF root itself, on attributes only, and outside CDATA', () => {
    const atom = parseXmlFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>Лента</title><entry><id>1</id><title>Новость</title><media:thumbnail url="https://city.example/1.jpg"/><dc:subject>x</dc:subject></entry></feed>');
    expect(atom.stories[0]).to.deep.include({ title: 'Новость', image: 'https://city.example/1.jpg' });

    const rdf = parseXmlFeed(
      '<?xml version="1.0"?><rdf:RDF xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://library.example/rss"><title>Библиотека</title></channel>' +
        '<item rdf:about="https://library.example/new/1"><title>Новые книги</title><dc:date>2026-11-20T10:00:00+03:00</dc:date></item></rdf:RDF>',
    );
    expect(rdf.title).to.equal('Библиотека');
    expect(rdf.stories.map(({ id, title, published }) => ({ id, title, published: published?.toISOString() }))).to.deep.equal([
      { id: 'https://library.example/new/1', title: 'Новые книги', published: '2026-11-20T07:00:00.000Z' },
    ]);

    const attribute = parseXmlFeed(rss('<item><guid>1</guid><enclosure url="https://city.example/2.jpg" type="image/jpeg" media:foo="x"/></item>'));
    expect(attribute.stories[0]!.image).to.equal('https://city.example/2.jpg');

    // Word's <o:p> in markup outside CDATA is a name: declared, or the feed would fail.
    const word = parseXmlFeed(rss('<item><guid>1</guid><description><p class="MsoNormal">Текст<o:p></o:p></p></description><foo:bar a:b="c">x</foo:bar></item>'));
    expect(word.stories[0]!.contentHtml).to.include('Текст');
  });

  it('sees a declaration written with spaces around "=" (XML allows them), and does not declare its prefix twice (RSS and Atom)', () => {
    // media: declared with spaces, yandex: declared nowhere: media: declared again on the root would
    // be a duplicate attribute, a fatal error.
    const { feed, texts } = parsedTexts(
      rss(
        '<item><guid>1</guid><title>Новость</title><media:content url="https://city.example/1.jpg" medium="image"/><yandex:full-text>Полный текст.</yandex:full-text></item>',
        '',
        ' xmlns:media = "http://search.yahoo.com/mrss/"',
      ),
    );
    expect(texts).to.have.length(2);
    const root = /<rss\b[^>]*>/.exec(texts[1]!)![0];
    expect(root.match(/xmlns:media\b/g)).to.have.length(1);
    expect(root).to.include('xmlns:yandex="http://news.yandex.ru"');
    expect(feed.stories[0]).to.deep.include({ title: 'Новость', image: 'https://city.example/1.jpg', contentText: 'Полный текст.' });

    const atom = parsedTexts(
      "<feed xmlns='http://www.w3.org/2005/Atom'\n  xmlns:media\n  =\n  'http://search.yahoo.com/mrss/'><title>Лента</title>" +
        '<entry><id>1</id><title>Новость</title><media:thumbnail url="https://city.example/1.jpg"/><dc:subject>x</dc:subject></entry></feed>',
    );
    expect(atom.texts).to.have.length(2);
    const atomRoot = /<feed\b[^>]*>/.exec(atom.texts[1]!)![0];
    expect(atomRoot.match(/xmlns:media\b/g)).to.have.length(1);
    expect(atomRoot).to.include('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(atom.feed.stories[0]).to.deep.include({ title: 'Новость', image: 'https://city.example/1.jpg' });
  });

  it('declares a prefix used only on attributes written with spaces before "=", but never xml: (RSS and Atom)', () => {
    const { feed, texts } = parsedTexts(
      rss('<item xml:lang ="ru"><guid>1</guid><title>Новость</title><enclosure url="https://city.example/1.jpg" type="image/jpeg" site:rank = "1"/></item>'),
    );
    const root = /<rss\b[^>]*>/.exec(texts[1]!)![0];
    expect(root).to.include('xmlns:site="urn:x-undeclared:site"').and.not.include('xmlns:xml');
    expect(feed.stories[0]).to.deep.include({ title: 'Новость', image: 'https://city.example/1.jpg' });

    const atom = parsedTexts(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang ="ru"><title>Лента</title>' +
        '<entry><id>1</id><title>Новость</title><link href="https://city.example/1" site:rank\n\t= "1"/><media:thumbnail url = "https://city.example/1.jpg"/></entry></feed>',
    );
    const atomRoot = /<feed\b[^>]*>/.exec(atom.texts[1]!)![0];
    expect(atomRoot).to.include('xmlns:site="urn:x-undeclared:site"').and.not.include('xmlns:xml');
    expect(atom.feed.stories[0]).to.deep.include({ title: 'Новость', url: 'https://city.example/1', image: 'https://city.example/1.jpg' });
  });

  it('repairs other errors in a feed with prefixes it declares, without declaring them again', () => {
    const { feed, texts } = parsedTexts(
      rss(
        '<item><guid>1</guid><title>Ёлка&nbsp;у ДК</title><dc:creator>Пресс-служба</dc:creator><description><![CDATA[<p>Текст<o:p></o:p> <x:y/></p>]]></description></item>',
        '',
        '\n  xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ),
    );
    expect(texts).to.have.length(2);
    expect(texts[1]!.match(/xmlns:/g)).to.have.length(1);
    expect(feed.stories[0]).to.deep.include({ title: 'Ёлка\u00A0у ДК', contentHtml: '<p>Текст<o:p></o:p> <x:y/></p>' });
    expect(feed.stories[0]!.authors).to.deep.equal([{ name: 'Пресс-служба' }]);
  });

  it('parses a well-formed feed as it is, once', async () => {
    for (const text of [
      await fixtureText('rich.rss.xml'),
      await fixtureText('yandex-news.rss.xml'),
      rss('<item xmlns:foo="urn:example:foo"><guid>1</guid><title>Note: a:b=c</title><foo:bar>x</foo:bar></item>'),
    ]) {
      const { texts } = parsedTexts(text);
      expect(texts).to.deep.equal([text.replace(/\s+encoding="[^"]*"/, '')]);
    }
  });

  it('reads hostile prefixes in bounded time', () => {
    const inputs = [
      `<rss><channel>${'<a:'.repeat(70_000)}`,
      `<rss><channel><title>${' a'.repeat(100_000)}:</title>&nbsp;</channel></rss>`,
      `<rss><channel><title>x</title>&nbsp;<!-- ${'<a' + 'a'.repeat(200_000)}`,
      `<rss><channel>&nbsp;<${'a'.repeat(200_000)}:b/></channel></rss>`,
      `<rss><channel>&nbsp;${' /<'.repeat(70_000)}</channel></rss>`,
      `<rss><channel>&nbsp;${Array.from({ length: 20_000 }, (_, index) => `<p${index}:x/>`).join('')}</channel></rss>`,
      `<rss><channel>&nbsp;${Array.from({ length: 20_000 }, (_, index) => `<p${index % 99}:x/>`).join('')}</channel></rss>`, // 99 declared
      `<rss><channel><item><guid>1</guid>&nbsp;${'<yandex:genre>m</yandex:genre>'.repeat(7_000)}</item></channel></rss>`,
      `<rss><channel><title> a:b${' '.repeat(200_000)}</title>&nbsp;</channel></rss>`,
      `<rss><channel><title>${' a:b   '.repeat(30_000)}</title>&nbsp;</channel></rss>`,
      `<rss><channel><title>${' xmlns:a  '.repeat(20_000)}</title>&nbsp;</channel></rss>`,
      `<rss${Array.from({ length: 10_000 }, (_, index) => ` xmlns:p${index} = "urn:p"`).join('')}><channel>&nbsp;<p1:x/><q:y/></channel></rss>`,
    ];
    for (const text of inputs) {
      const label = `${JSON.stringify(text.slice(0, 40))} (${text.length})`;
      const started = performance.now();
      const error = parseFailure(text);
      if (error) expect(error, label).to.be.instanceOf(FeedError);
      // Linear: the slowest (99 declared prefixes) takes about half a second unloaded, over a second
      // on a busy 2-core machine. A scan that backtracks or rescans per prefix would take minutes.
      expect(performance.now() - started, label).to.be.below(5000);
    }
  });

  /** Runs the parser in a frame whose CSP enforces Trusted Types and allows the policies `allowed`. */
  async function inTrustedTypesFrame(allowed: string): Promise<{ raw: string; parsed: string }> {
    const iframe = document.createElement('iframe');
    const result = new Promise<{ raw: string; parsed: string }>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== iframe.contentWindow) return;
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      window.addEventListener('message', onMessage);
    });
    const moduleUrl = new URL('/src/feed/xml-feed.ts', location.href).href;
    iframe.srcdoc = `<!doctype html>
      <meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types ${allowed}">
      <script type="module">
        let raw = 'allowed';
        try { new DOMParser().parseFromString('<rss/>', 'application/xml'); } catch (error) { raw = error.name; }
        let parsed;
        try {
          const { parseXmlFeed } = await import(${JSON.stringify(moduleUrl)});
          parsed = parseXmlFeed('<rss><channel><title>Лента</title></channel></rss>').title;
        } catch (error) { parsed = error.name + ' ' + error.kind; }
        parent.postMessage({ raw, parsed }, '*');
      </script>`;
    document.body.append(iframe);
    try {
      return await result;
    } finally {
      iframe.remove();
    }
  }

  it('parses where the page enforces Trusted Types and allows its policy', async function () {
    if (!('trustedTypes' in window)) this.skip(); // the engine has no Trusted Types: nothing to enforce
    const { raw, parsed } = await inTrustedTypesFrame('news-widgets');
    expect(raw, 'a plain string is refused under this CSP, for XML too').to.equal('TypeError');
    expect(parsed).to.equal('Лента');
  });

  it('fails with a FeedError where Trusted Types are enforced without its policy', async function () {
    if (!('trustedTypes' in window)) this.skip();
    const { parsed } = await inTrustedTypesFrame('some-other-policy');
    expect(parsed).to.equal('FeedError parse');
  });
});

describe('parseXmlFeed: reading only what is shown', () => {
  // Markup inside <description> or inline XHTML content is serialized when read: counting the
  // serializer's calls tells which items' bodies were read.
  let serialized = 0;
  const serialize = XMLSerializer.prototype.serializeToString;
  beforeEach(() => {
    serialized = 0;
    XMLSerializer.prototype.serializeToString = function (this: XMLSerializer, node: Node) {
      serialized++;
      return serialize.call(this, node);
    };
  });
  afterEach(() => {
    XMLSerializer.prototype.serializeToString = serialize;
  });

  const date = (index: number) => new Date(Date.UTC(2026, 0, 1) + index * 60_000);

  it('RSS: reads ids and dates of every item; bodies, images, authors and tags of an item when it is used, once', () => {
    const items = Array.from(
      { length: 200 },
      (_, index) => `<item><guid isPermaLink="false">n-${index}</guid><title>Новость ${index}</title><link>/news/${index}</link>
        <pubDate>${date(index).toUTCString()}</pubDate><description><p xmlns="http://www.w3.org/1999/xhtml">Текст <b>${index}</b></p></description>
        <category>Город</category><author>press@city.example (Пресс-служба)</author></item>`,
    );
    const feed = parseXmlFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>Новости</title>${items.join('')}</channel></rss>`, 'https://city.example/rss.xml');
    expect(feed.stories).to.have.length(200);
    expect(serialized, 'no body serialized before any story is used').to.equal(0);
    const shown = feed.stories.slice(0, 5);
    expect(shown.map((story) => story.id)).to.deep.equal(['n-199', 'n-198', 'n-197', 'n-196', 'n-195']);
    for (const story of shown) {
      expect(story.contentHtml).to.contain(`<b>${story.id.slice(2)}</b>`);
      expect(story.contentHtml).to.equal(story.contentHtml); // kept: not serialized again
    }
    expect(serialized, 'the bodies of the 5 shown items, once each').to.equal(5);
    for (const story of shown) expect(story.summary).to.equal(undefined); // no content:encoded: the description is the body
    expect(serialized, 'the summary reuses what the body serialized').to.equal(5);
    expect(shown[0]).to.deep.include({ title: 'Новость 199', url: 'https://city.example/news/199', tags: ['Город'] });
    expect(shown[0]!.authors).to.deep.equal([{ name: 'Пресс-служба' }]);
    expect(shown[0]!.published!.getTime()).to.equal(Math.floor(date(199).getTime() / 1000) * 1000);
  });

  it('Atom: reads ids and dates of every entry; inline XHTML content of an entry when it is used, once', () => {
    const entries = Array.from(
      { length: 200 },
      (_, index) => `<entry><id>urn:n:${index}</id><title>Новость ${index}</title><link href="/news/${index}"/><updated>${date(index).toISOString()}</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Текст <b>${index}</b></p></div></content><author><name>Редакция</name></author></entry>`,
    );
    const feed = parseXmlFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Новости</title>${entries.join('')}</feed>`, 'https://city.example/atom.xml');
    expect(feed.stories).to.have.length(200);
    expect(serialized, 'no content serialized before any story is used').to.equal(0);
    const shown = feed.stories.slice(0, 5);
    expect(shown.map((story) => story.id)).to.deep.equal(['urn:n:199', 'urn:n:198', 'urn:n:197', 'urn:n:196', 'urn:n:195']);
    for (const story of shown) expect([story.contentHtml, story.contentHtml]).to.satisfy(([a, b]: string[]) => a === b && a.includes(`<b>${story.id.slice(6)}</b>`));
    const afterShown = serialized;
    expect(afterShown, 'only the shown entries').to.be.within(5, 10);
    expect(shown[0]).to.deep.include({ title: 'Новость 199', url: 'https://city.example/news/199', contentText: undefined });
    expect(shown[0]!.authors).to.deep.equal([{ name: 'Редакция', url: undefined }]);
    expect(serialized).to.equal(afterShown);
  });
});
