import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/feed-error.js';
import type { Story } from '../../src/feed/story.js';
import { isWordPressPosts, normalizeWordPress } from '../../src/feed/wordpress.js';

const base = 'https://city.example/wp-json/wp/v2/posts?_embed';
const nbsp = '\u00A0';

const loadFixture = async (name: string): Promise<unknown> => {
  const response = await fetch(`/test/fixtures/feeds/wordpress/${name}`);
  expect(response.ok, name).to.equal(true);
  return response.json();
};

/** A minimal post as the REST API shapes it; `extra` replaces or adds fields. */
const post = (id: unknown, extra: Record<string, unknown> = {}) => ({
  id,
  date_gmt: '2026-05-01T00:00:00',
  link: `https://city.example/?p=${String(id)}`,
  title: { rendered: `Post ${String(id)}` },
  content: { rendered: '<p>Body</p>', protected: false },
  excerpt: { rendered: '<p>Excerpt</p>', protected: false },
  sticky: false,
  ...extra,
});
const only = (value: unknown): Story => {
  const { stories } = normalizeWordPress([value], base);
  expect(stories).to.have.length(1);
  return stories[0]!;
};
const titleOf = (rendered: unknown) => only(post(1, { title: { rendered } })).title;
const summaryOf = (rendered: unknown) => only(post(1, { excerpt: { rendered, protected: false } })).summary;

describe('normalizeWordPress', () => {
  let embedded: unknown;
  let plain: unknown;

  before(async () => {
    [embedded, plain] = await Promise.all([loadFixture('posts-embed.json'), loadFixture('posts-plain.json')]);
  });

  it('reads an _embed posts collection into stories, newest first', () => {
    const feed = normalizeWordPress(embedded, base);
    expect(feed).to.deep.include({ title: undefined, homePageUrl: undefined, language: undefined, authors: [], skipped: 0 });
    expect(feed.stories.map((story) => story.id)).to.deep.equal(['504', '502', '503', '501']);
    const sticky = feed.stories.find((story) => story.id === '501')!;
    expect(sticky).to.deep.include({
      title: `«Бессмертный полк» пройдёт 9${nbsp}мая`,
      url: 'https://city.example/2026/05/01/bessmertnyj-polk/',
      summary: `Шествие начнётся в${nbsp}10:00 от площади Ленина & пройдёт по${nbsp}проспекту Мира`,
      image: 'https://city.example/wp-content/uploads/2026/05/polk.jpg',
      featured: true,
    });
    expect([sticky.language, sticky.contentText]).to.deep.equal([undefined, undefined]);
    expect(sticky.contentHtml).to.equal(
      '<p>Шествие начнётся в&nbsp;10:00 от площади Ленина.</p>\n<figure class="wp-block-image"><img src="/wp-content/uploads/2026/05/polk-1024x683.jpg" alt=""></figure>',
    );
    expect(sticky.published!.toISOString()).to.equal('2026-05-01T08:30:00.000Z');
    expect(sticky.authors).to.deep.equal([{ name: 'Пресс-служба & мэрия', url: 'https://city.example/author/press/' }]);
    expect(sticky.tags).to.deep.equal(['Праздники & события', '9 Мая', 'Память']);
  });

  it('reads a collection without _embed: no authors, image or tags from the numeric ids', () => {
    expect(isWordPressPosts(plain)).to.equal(true);
    const feed = normalizeWordPress(plain, base);
    expect(feed.skipped).to.equal(0);
    expect(feed.stories.map((story) => story.id)).to.deep.equal(['90', '88']);
    const [, subbotnik] = feed.stories;
    expect(subbotnik).to.deep.include({
      id: '88',
      title: 'Городской субботник – итоги',
      url: 'https://city.example/2026/04/29/subbotnik/',
      summary: `Вышли более 3${nbsp}000 горожан.`,
      contentHtml: '<p>Вышли более 3&nbsp;000 горожан.</p>',
      image: undefined,
      featured: true,
    });
    expect(subbotnik!.modified!.toISOString()).to.equal('2026-04-30T01:00:00.000Z');
    for (const story of feed.stories) {
      expect(story.authors, story.id).to.deep.equal([]);
      expect(story.tags, story.id).to.deep.equal([]);
    }
  });

  describe('titles and excerpts become plain text', () => {
    it('decodes the entities of the fixture titles and drops their tags', () => {
      const titles = Object.fromEntries(normalizeWordPress(embedded, base).stories.map((story) => [story.id, story.title]));
      expect(titles).to.deep.equal({
        '501': `«Бессмертный полк» пройдёт 9${nbsp}мая`,
        '502': 'Мэр ответил на “вопросы” жителей — итоги прямой линии',
        '503': `Ремонт моста 🚧 движение «по${nbsp}одной полосе» & объезд`,
        '504': `Защищено: Протокол заседания${nbsp}№${nbsp}5`,
      });
    });

    it('decodes the named references WordPress uses', () => {
      const named = '&amp; &lt; &gt; &quot; &apos; &hellip; &ndash; &mdash; &laquo; &raquo; &lsquo; &rsquo; &ldquo; &rdquo; &bdquo; &copy; &reg; &trade;';
      expect(titleOf(named)).to.equal('& < > " \' … – — « » ‘ ’ “ ” „ © ® ™');
      expect(titleOf('a&nbsp;b')).to.equal(`a${nbsp}b`);
    });

    it('decodes decimal and hexadecimal references, astral ones and windows-1252 ones included', () => {
      expect(titleOf('&#8220;Q&#8221; &#x201C;q&#X201d; &#171;&#187; &#038; &#39;')).to.equal('“Q” “q” «» & \'');
      expect(titleOf('&#128512; &#x1F600; &#x1f6a7;')).to.equal('😀 😀 🚧');
      expect(titleOf('&#151; &#133; &#146;')).to.equal('— … ’');
      expect(titleOf('&#0; &#xD800; &#x110000; &#9999999999;')).to.equal('\uFFFD \uFFFD \uFFFD \uFFFD');
    });

    it('decodes once, and leaves unknown or malformed references as written', () => {
      expect(titleOf('&amp;lt;b&amp;gt; &amp;amp;')).to.equal('&lt;b&gt; &amp;');
      expect(titleOf('AT&T &unknown; &amp &#; &#xZZ; & ;')).to.equal('AT&T &unknown; &amp &#; &#xZZ; & ;');
    });

    it('strips tags before decoding, so escaped markup stays text', () => {
      expect(titleOf('&lt;b&gt;not bold&lt;/b&gt; <b>bold</b>')).to.equal('<b>not bold</b> bold');
      expect(titleOf('<img src=x onerror="alert(1)">Hi<script>alert("x")</script>')).to.equal('Hi');
      expect(titleOf('W<em>or</em>d<br>next<br />line<p>para</p><!-- comment -->end')).to.equal('Word next line para end');
      expect(titleOf('<a title="a > b" href="/x">link</a> <style>p { color: red }</style>text')).to.equal('link text');
      expect(titleOf('a < b and c > d')).to.equal('a < b and c > d');
    });

    it('collapses whitespace, keeping a lone no-break space', () => {
      expect(titleOf('  one \n\t two&nbsp;&nbsp;three &nbsp; four&nbsp;')).to.equal(`one two${nbsp}three four`);
    });

    it('makes an empty title or excerpt undefined', () => {
      for (const rendered of ['', '   ', '<p></p>\n', '&nbsp;', '<br />', 42, null, undefined, {}]) {
        expect(titleOf(rendered), JSON.stringify(rendered)).to.equal(undefined);
        expect(summaryOf(rendered), JSON.stringify(rendered)).to.equal(undefined);
      }
      expect(summaryOf('<p>[&hellip;]</p>\n')).to.equal(undefined);
      expect(only(post(1, { title: undefined, excerpt: 'no object' })).title).to.equal(undefined);
    });

    it('drops the read-more markers and links of the fixture excerpts', () => {
      const summaries = Object.fromEntries(normalizeWordPress(embedded, base).stories.map((story) => [story.id, story.summary]));
      expect(summaries).to.deep.equal({
        '501': `Шествие начнётся в${nbsp}10:00 от площади Ленина & пройдёт по${nbsp}проспекту Мира`,
        '502': 'Глава города провёл прямую линию…',
        '503': 'С понедельника на мосту открыта только одна полоса …',
        '504': undefined,
      });
    });

    it('drops "[…]", elements of class more-link and trailing "Continue reading" links', () => {
      expect(summaryOf('<p>Text [&hellip;]</p>\n')).to.equal('Text');
      expect(summaryOf('<p>Text [...]</p>')).to.equal('Text');
      expect(summaryOf('<p>Text [&#8230;] </p>')).to.equal('Text');
      expect(summaryOf('<p>Text &hellip;</p>')).to.equal('Text …');
      expect(summaryOf('<p>An elided […] quote stays.</p>')).to.equal('An elided […] quote stays.');
      expect(summaryOf('<p>Text <a class="more-link" href="/x">Read more<span class="screen-reader-text"> "Text"</span></a></p>')).to.equal('Text');
      expect(summaryOf('<p>Text [&hellip;]</p> <p class="link-more"><a href=\'/x\' class=\'btn more-link\'>Читать далее</a></p>')).to.equal('Text');
      expect(summaryOf('<p>Text <span class=more-link>more</span> end</p>')).to.equal('Text end');
      expect(summaryOf('<p>Text <a href="/x" class="read-more-link">Read on</a></p>')).to.equal('Text Read on');
      expect(summaryOf('<p>Text</p> <a href="/x">Continue reading <span class="meta-nav">&rarr;</span></a>')).to.equal('Text');
      expect(summaryOf('<p>Text &hellip; <a href="/x">Читать далее &raquo;</a></p>')).to.equal('Text …');
      expect(summaryOf('<p>Text <a href="/x">Подробнее</a></p>')).to.equal('Text');
      expect(summaryOf('<p>See <a href="/x">the report</a></p>')).to.equal('See the report');
      expect(summaryOf('<p><a href="/x">Continue reading</a> is a phrase.</p>')).to.equal('Continue reading is a phrase.');
      expect(summaryOf('<p>Text <a href="/x">Read moreover</a></p>')).to.equal('Text Read moreover');
      expect(summaryOf('<p>Text <a href="/x">Подробнее…</a></p>')).to.equal('Text');
    });
  });

  it('keeps content.rendered as raw HTML, and none for a password-protected post', () => {
    const raw = '<p onclick="x()">Raw <script>kept()</script> &amp; unsanitized</p>';
    expect(only(post(1, { content: { rendered: raw, protected: false } })).contentHtml).to.equal(raw);
    expect(only(post(1, { content: { rendered: raw, protected: true } })).contentHtml).to.equal(undefined);
    expect(only(post(1, { content: { rendered: '', protected: false } })).contentHtml).to.equal(undefined);
    expect(only(post(1, { content: { protected: false } })).contentHtml).to.equal(undefined);
    const protectedStory = normalizeWordPress(embedded, base).stories.find((story) => story.id === '504')!;
    expect(protectedStory).to.deep.include({ contentHtml: undefined, summary: undefined, url: 'https://city.example/2026/05/04/protokol-5/' });
  });

  it('resolves links against the feed URL and keeps only safe ones', () => {
    const urls = normalizeWordPress(
      [post(1, { link: '/2026/05/01/a/' }), post(2, { link: 'javascript:alert(1)' }), post(3, { link: 42 }), post(4, { link: 'https://other.example/b' })],
      base,
    ).stories.map((story) => story.url);
    expect(urls).to.deep.equal(['https://city.example/2026/05/01/a/', undefined, undefined, 'https://other.example/b']);
    expect(normalizeWordPress([post(1, { link: '/relative' })]).stories[0]!.url).to.equal(undefined);
  });

  describe('dates', () => {
    it('reads date_gmt, which has no zone, as UTC', () => {
      const story = only(post(1, { date: '2026-05-01T15:30:00', date_gmt: '2026-05-01T08:30:00', modified: '2026-05-02T10:00:00', modified_gmt: '2026-05-02T03:00:00' }));
      expect(story.published!.toISOString()).to.equal('2026-05-01T08:30:00.000Z');
      expect(story.modified!.toISOString()).to.equal('2026-05-02T03:00:00.000Z');
    });

    it('falls back to the local date, read as UTC, only when date_gmt is missing', () => {
      const fromFixture = normalizeWordPress(embedded, base).stories.find((story) => story.id === '503')!;
      expect(fromFixture.published!.toISOString()).to.equal('2026-05-02T12:00:00.000Z');
      expect(fromFixture.modified!.toISOString()).to.equal('2026-05-02T13:00:00.000Z');
      const absent = only({ id: 1, date: '2026-05-01T15:30:00' });
      expect(absent.published!.toISOString()).to.equal('2026-05-01T15:30:00.000Z');
      const both = only(post(1, { date: '2026-05-01T15:30:00', date_gmt: '2026-05-01T08:30:00' }));
      expect(both.published!.toISOString()).to.equal('2026-05-01T08:30:00.000Z');
    });

    it('leaves a post undated when no date is readable, after the dated ones', () => {
      const feed = normalizeWordPress(
        [
          post(1, { date_gmt: null, date: null }),
          post(2, { date_gmt: '0000-00-00T00:00:00', date: '0000-00-00T00:00:00' }),
          post(3, { date_gmt: '2026-05-01T00:00:00' }),
          post(4, { date_gmt: 'вчера', date: { rendered: 'x' } }),
          post(5, { date_gmt: '2026-05-03T00:00:00' }),
        ],
        base,
      );
      expect(feed.stories.map((story) => story.id)).to.deep.equal(['5', '3', '1', '2', '4']);
      expect(feed.stories.slice(2).map((story) => story.published)).to.deep.equal([undefined, undefined, undefined]);
    });
  });

  it('marks sticky posts as featured, and only those', () => {
    const feed = normalizeWordPress([post(1, { sticky: true }), post(2, { sticky: false }), post(3, { sticky: 'true' }), post(4, { sticky: 1 })], base);
    expect(feed.stories.map((story) => story.featured)).to.deep.equal([true, undefined, undefined, undefined]);
    const fixture = normalizeWordPress(embedded, base).stories;
    expect(fixture.filter((story) => story.featured).map((story) => story.id)).to.deep.equal(['501']);
  });

  it('reads embedded authors, ignoring REST error objects in their place', () => {
    const stories = normalizeWordPress(embedded, base).stories;
    expect(stories.find((story) => story.id === '502')!.authors).to.deep.equal([]);
    const authors = only(
      post(1, {
        _embedded: {
          author: [
            { code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } },
            { id: 3, name: 'Иванов &#171;И.&#187;', link: '/author/ivanov/' },
            { id: 4, name: '', link: 'https://city.example/author/nobody/' },
            { id: 5, name: 'No link', link: 'javascript:void 0' },
            null,
            'admin',
          ],
        },
      }),
    ).authors;
    expect(authors).to.deep.equal([
      { name: 'Иванов «И.»', url: 'https://city.example/author/ivanov/' },
      { name: 'No link', url: undefined },
    ]);
  });

  describe('featured image', () => {
    it('reads the featured media source_url, resolved against the feed URL', () => {
      const images = Object.fromEntries(normalizeWordPress(embedded, base).stories.map((story) => [story.id, story.image]));
      expect(images).to.deep.equal({
        '501': 'https://city.example/wp-content/uploads/2026/05/polk.jpg',
        '502': undefined, // private media: a rest_forbidden error object
        '503': 'https://city.example/wp-content/uploads/2026/05/most.webp',
        '504': undefined, // no featured media
      });
    });

    it('gives no image for an error object, non-image media or an unsafe URL, without throwing', () => {
      const imageOf = (media: unknown) => only(post(1, { _embedded: { 'wp:featuredmedia': media } })).image;
      expect(imageOf([{ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } }])).to.equal(undefined);
      expect(imageOf([{ code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 }, source_url: 'https://x.example/a.jpg' }])).to.equal(undefined);
      expect(imageOf([{ id: 9, media_type: 'file', mime_type: 'video/mp4', source_url: 'https://city.example/clip.mp4' }])).to.equal(undefined);
      expect(imageOf([{ id: 9, source_url: 'data:image/png;base64,AAAA' }])).to.equal(undefined);
      expect(imageOf([{ id: 9, source_url: 'mailto:a@city.example' }])).to.equal(undefined);
      expect(imageOf([{ id: 9, source_url: { rendered: 'x' } }])).to.equal(undefined);
      expect(imageOf([null])).to.equal(undefined);
      expect(imageOf({ source_url: 'https://city.example/a.jpg' })).to.equal(undefined);
      expect(imageOf([{ id: 9, source_url: 'https://city.example/a.jpg' }])).to.equal('https://city.example/a.jpg');
    });

    it('reads Jetpack\'s jetpack_featured_media_url when no medium is embedded, and only then', () => {
      const imageOf = (extra: Record<string, unknown>) => only(post(1, extra)).image;
      expect(imageOf({ featured_media: 7, jetpack_featured_media_url: '/wp-content/uploads/2026/05/jp.jpg' })).to.equal('https://city.example/wp-content/uploads/2026/05/jp.jpg');
      expect(imageOf({ jetpack_featured_media_url: 'https://cdn.example/i0.wp.com/a.jpg?w=1200&ssl=1', _embedded: { author: [{ name: 'admin' }] } })).to.equal('https://cdn.example/i0.wp.com/a.jpg?w=1200&ssl=1');
      // No featured image (Jetpack then sends ""), or an unsafe URL: none.
      expect(imageOf({ featured_media: 0, jetpack_featured_media_url: '' })).to.equal(undefined);
      expect(imageOf({ jetpack_featured_media_url: 'javascript:alert(1)' })).to.equal(undefined);
      expect(imageOf({ jetpack_featured_media_url: ['https://city.example/a.jpg'] })).to.equal(undefined);
      // The embedded medium says more (its alt text, its sizes, that it is private): it comes first.
      const jetpack = { jetpack_featured_media_url: 'https://city.example/jetpack.jpg' };
      expect(imageOf({ ...jetpack, _embedded: { 'wp:featuredmedia': [{ id: 9, source_url: 'https://city.example/embedded.jpg' }] } })).to.equal('https://city.example/embedded.jpg');
      expect(imageOf({ ...jetpack, _embedded: { 'wp:featuredmedia': [{ code: 'rest_forbidden', message: 'Sorry.', data: { status: 401 } }] } })).to.equal(undefined);
    });
  });

  it('collects the names of categories and tags, decoded and without repeats, ignoring other taxonomies', () => {
    const tags = Object.fromEntries(normalizeWordPress(embedded, base).stories.map((story) => [story.id, story.tags]));
    expect(tags).to.deep.equal({
      '501': ['Праздники & события', '9 Мая', 'Память'],
      '502': ['Власть'],
      '503': ['Транспорт'],
      '504': ['Власть', 'Горсовет'],
    });
    const odd = only(
      post(1, {
        categories: [1, 2],
        tags: [3],
        _embedded: {
          'wp:term': [
            [{ id: 1, name: 'Новости', taxonomy: 'category' }, { id: 2, name: 7, taxonomy: 'category' }, { id: 8, name: 'No taxonomy' }],
            { id: 3, name: 'Not in an array', taxonomy: 'post_tag' },
            [{ code: 'rest_forbidden', message: 'No.', data: { status: 401 }, name: 'Error', taxonomy: 'post_tag' }, null, 'tag'],
            [{ id: 4, name: '  <b>Город</b>&nbsp;', taxonomy: 'post_tag' }],
          ],
        },
      }),
    );
    expect(odd.tags).to.deep.equal(['Новости', 'Город']);
  });

  it('ignores the non-standard lang and language fields', () => {
    const feed = normalizeWordPress(embedded, base);
    expect(feed.language).to.equal(undefined);
    expect(feed.stories.map((story) => story.language)).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(only(post(1, { lang: 'ru', language: 'ru-RU' })).language).to.equal(undefined);
  });

  it('skips posts without an id and duplicate ids, counting them, and coerces numeric ids', () => {
    const feed = normalizeWordPress(
      [post(7), post(undefined), post(''), post(null), post({ id: 1 }), post(7, { title: { rendered: 'dup' } }), null, 'post', 12, [post(9)], post(8)],
      base,
    );
    expect(feed.stories.map((story) => story.id)).to.deep.equal(['7', '8']);
    expect(feed.stories[0]!.title).to.equal('Post 7');
    expect(feed.skipped).to.equal(9);
  });

  it('reads an empty array as an empty feed', () => {
    expect(normalizeWordPress([], base)).to.deep.equal({ title: undefined, homePageUrl: undefined, language: undefined, authors: [], stories: [], skipped: 0 });
  });

  it('throws a FeedError of kind "format" for anything but an array', () => {
    for (const value of [null, undefined, 42, 'posts', {}, { posts: [] }, { code: 'rest_no_route', message: 'No route', data: { status: 404 } }]) {
      expect(() => normalizeWordPress(value, base), JSON.stringify(value)).to.throw(FeedError).with.property('kind', 'format');
    }
  });

  it('never throws on junk inside the array, and every story has a string id', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let level = 0; level < 200; level++) cursor = (cursor['rendered'] = {}) as Record<string, unknown>;
    const cyclic: Record<string, unknown> = { id: 'cycle' };
    cyclic['title'] = cyclic;
    cyclic['_embedded'] = { author: [cyclic], 'wp:term': [[cyclic]], 'wp:featuredmedia': [cyclic] };
    const junk: unknown[] = [
      null, undefined, true, 0, NaN, Infinity, 'string', '', [], [[]], {}, () => 1, Symbol('s'), 10n,
      { id: NaN }, { id: Infinity }, { id: {} }, { id: [1] }, { id: true }, { id: '   ' },
      {
        id: 1, date: {}, date_gmt: [], modified: 5, modified_gmt: true, link: { href: 'x' }, title: [], content: 'x', excerpt: 5,
        sticky: 'yes', _embedded: 'x', categories: 'x', tags: {},
      },
      {
        id: 2, title: { rendered: 5 }, content: { rendered: {}, protected: 'yes' }, excerpt: { rendered: [] },
        _embedded: { author: 'x', 'wp:featuredmedia': 'x', 'wp:term': 'x' },
      },
      {
        id: 3, title: { rendered: '<'.repeat(5000) + '&#'.repeat(5000) + '<a class="more-link"'.repeat(500) }, excerpt: { rendered: '<a href="'.repeat(2000) + '</a>'.repeat(2000) },
        _embedded: { author: [[], {}, { name: {} }, { name: 'x', link: {} }], 'wp:featuredmedia': [[]], 'wp:term': [{}, [[]], [{ taxonomy: {} }]] },
      },
      { id: 4, title: deep, excerpt: deep, content: deep, _embedded: { author: [deep], 'wp:term': [[deep]], 'wp:featuredmedia': [deep] } },
      { id: 5, _embedded: { author: null, 'wp:featuredmedia': null, 'wp:term': null } },
      { id: 6, _embedded: null, title: null, excerpt: null, content: null },
      Object.create(null),
      Object.assign(Object.create(null), { id: 7, title: { rendered: 'null prototype' } }),
      { id: '__proto__', title: { rendered: '&constructor; &toString; &__proto__;' } },
      cyclic,
    ];
    const feed = normalizeWordPress(junk, base);
    expect(feed.stories.length).to.be.greaterThan(0);
    for (const story of feed.stories) {
      expect(story.id).to.be.a('string').and.not.equal('');
      expect(story.authors).to.be.an('array');
      expect(story.tags).to.be.an('array');
    }
    expect(feed.stories.find((story) => story.id === '__proto__')!.title).to.equal('&constructor; &toString; &__proto__;');
    expect(feed.stories.length + feed.skipped).to.equal(junk.length);
    expect(() => isWordPressPosts(junk)).not.to.throw();
  });
});

describe('isWordPressPosts', () => {
  it('recognises a posts collection, with or without _embed', async () => {
    expect(isWordPressPosts(await loadFixture('posts-embed.json'))).to.equal(true);
    expect(isWordPressPosts(await loadFixture('posts-plain.json'))).to.equal(true);
    expect(isWordPressPosts([{ id: 1, title: { rendered: '' } }])).to.equal(true);
  });

  it('looks past a few odd leading elements', () => {
    expect(isWordPressPosts([null, 'x', { id: 1 }, { id: 2, title: { rendered: 'Post' } }])).to.equal(true);
    expect(isWordPressPosts([null, null, null, null, null, { id: 2, title: { rendered: 'Post' } }])).to.equal(false);
  });

  it('does not recognise an empty array or other JSON', () => {
    const jsonFeed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'x' }] };
    for (const value of [
      [], null, undefined, 42, 'posts', {}, jsonFeed, jsonFeed.items, [[]], [null],
      [{ id: 1, title: 'plain string title' }], [{ title: { rendered: 'no id' } }], [{ id: 1, title: { rendered: 5 } }],
      [{ id: 1, title: { raw: 'x' } }], { 0: { id: 1, title: { rendered: 'x' } }, length: 1 },
      { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } },
    ]) {
      expect(isWordPressPosts(value), JSON.stringify(value)).to.equal(false);
    }
  });
});

describe('normalizeWordPress: reading only what is shown', () => {
  it('reads ids and dates of every post; titles, bodies, media, authors and terms of a post when it is used, once', () => {
    // Posts whose fields count their reads: a widget that shows 5 of 100 posts must not strip the
    // HTML of the other 95 titles and excerpts, nor walk their embedded media, authors and terms.
    const reads = new Map<string, number>();
    const counted = (index: number) => {
      const post: Record<string, unknown> = { id: 1000 + index, date_gmt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString().slice(0, 19) };
      const values: Record<string, unknown> = {
        title: { rendered: `Новость &laquo;${index}&raquo;` },
        link: `https://city.example/news/${index}/`,
        excerpt: { rendered: `<p>Кратко о новости ${index} [&hellip;]</p>` },
        content: { rendered: `<p>${'Текст. '.repeat(100)}</p>`, protected: false },
        modified_gmt: '2026-11-20T10:00:00',
        sticky: false,
        _embedded: {
          author: [{ name: 'Пресс-служба', link: 'https://city.example/author/press/' }],
          'wp:featuredmedia': [{ media_type: 'image', source_url: `/img/${index}.jpg`, alt_text: 'Фото' }],
          'wp:term': [[{ taxonomy: 'category', name: 'Город' }]],
        },
      };
      for (const [key, value] of Object.entries(values)) {
        Object.defineProperty(post, key, { enumerable: true, get: () => (reads.set(key, (reads.get(key) ?? 0) + 1), value) });
      }
      return post;
    };
    const feed = normalizeWordPress(Array.from({ length: 100 }, (_, index) => counted(index)), base);
    expect(feed.stories).to.have.length(100);
    expect([...reads.keys()], 'fields read before any story is used').to.deep.equal([]);

    const shown = feed.stories.slice(0, 5);
    expect(shown.map((story) => story.id)).to.deep.equal(['1099', '1098', '1097', '1096', '1095']);
    for (const story of shown) {
      expect(story.title).to.equal(`Новость «${Number(story.id) - 1000}»`);
      expect(story.title).to.equal(story.title); // a second read is the kept value
      expect(story.summary).to.equal(`Кратко о новости ${Number(story.id) - 1000}`);
      expect(story.contentHtml).to.match(/^<p>Текст\. /);
      expect([story.image, story.imageAlt]).to.deep.equal([`https://city.example/img/${Number(story.id) - 1000}.jpg`, 'Фото']);
    }
    expect(reads.get('title'), 'titles of the shown posts, read once each').to.equal(5);
    expect(reads.get('excerpt')).to.equal(5);
    expect(reads.get('content')).to.equal(5);
    // The featured image's fields come from one reading of the medium.
    expect(reads.get('_embedded')).to.equal(5);
    expect(reads.has('modified_gmt') || reads.has('link') || reads.has('sticky')).to.equal(false);

    // Used later, a post is what an eager read would have made of it.
    expect(shown[0]!.authors).to.deep.equal([{ name: 'Пресс-служба', url: 'https://city.example/author/press/' }]);
    expect(shown[0]!.tags).to.deep.equal(['Город']);
    expect(shown[0]!.url).to.equal('https://city.example/news/99/');
    expect(shown[0]!.modified!.toISOString()).to.equal('2026-11-20T10:00:00.000Z');
    expect(shown[0]!.featured).to.equal(undefined);
  });
});
