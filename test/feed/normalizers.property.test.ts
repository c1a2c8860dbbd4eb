/**
 * Property-based tests (fast-check) of what every normalizer promises, whatever it is given: it
 * returns a `Feed` whose stories obey the `Story` invariants (see story.ts), or throws a `FeedError`
 * of the documented kind, never anything else. Random inputs are arbitrary JSON and values, and
 * feed-shaped documents (JSON Feed, WordPress posts, RSS and Atom) built from valid and invalid
 * fragments so that the valid path is exercised as much as the rejecting one. On a failure
 * fast-check prints the shrunk counterexample and the seed that reproduces it
 * (`fc.assert(property, { seed, path })`).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseRfc822Date } from '../../src/feed/dates.js';
import { FeedError, type FeedErrorKind } from '../../src/feed/feed-error.js';
import { normalizeJsonFeed } from '../../src/feed/json-feed.js';
import { parseFeedText } from '../../src/feed/parse-feed.js';
import type { Author, Feed, Story } from '../../src/feed/story.js';
import { readIsoDate } from '../../src/feed/values.js';
import { normalizeWordPress } from '../../src/feed/wordpress.js';
import { cutExcerpt, normalizeWhitespace } from '../../src/text/excerpt.js';

// ---------------------------------------------------------------------------------------------
// Invariants

const linkSchemes = ['http:', 'https:', 'mailto:', 'tel:'];
const imageSchemes = ['http:', 'https:'];

/** Undefined, or a non-empty string without surrounding whitespace (what `readText` makes). */
function expectOptionalText(value: unknown, what: string): void {
  if (value === undefined) return;
  expect(value, what).to.be.a('string');
  const text = value as string;
  expect(text.length, `${what} is empty`).to.be.greaterThan(0);
  expect(text.trim(), `${what} has surrounding whitespace: ${JSON.stringify(text)}`).to.equal(text);
}

/** Undefined, or an absolute URL (as `URL#href` serializes it) of one of `schemes`. */
function expectOptionalUrl(value: unknown, schemes: string[], what: string): void {
  if (value === undefined) return;
  expect(value, what).to.be.a('string');
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    expect.fail(`${what} is not an absolute URL: ${JSON.stringify(value)}`);
  }
  expect(schemes, `${what} has an unsafe scheme: ${JSON.stringify(value)}`).to.include(url.protocol);
  expect(url.href, `${what} is not serialized`).to.equal(value);
}

function expectOptionalDate(value: unknown, what: string): void {
  if (value === undefined) return;
  expect(value, what).to.be.an.instanceOf(Date);
  expect(Number.isNaN((value as Date).getTime()), `${what} is an invalid Date`).to.equal(false);
}

function expectOptionalLanguage(value: unknown, what: string): void {
  if (value === undefined) return;
  expect(value, what).to.be.a('string');
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(value as string)[0];
  } catch {
    expect.fail(`${what} is not a BCP 47 tag: ${JSON.stringify(value)}`);
  }
  expect(canonical, `${what} is not canonical`).to.equal(value);
}

function expectAuthors(value: unknown, what: string): void {
  expect(value, what).to.be.an('array');
  (value as Author[]).forEach((author, index) => {
    expect(author, `${what}[${index}]`).to.be.an('object');
    expect(author.name, `${what}[${index}].name`).to.be.a('string');
    expectOptionalText(author.name, `${what}[${index}].name`);
    expectOptionalUrl(author.url, linkSchemes, `${what}[${index}].url`);
  });
}

function assertValidStory(story: Story, what: string): void {
  expect(story, what).to.be.an('object');
  expect(story.id, `${what}.id`).to.be.a('string');
  expectOptionalText(story.id, `${what}.id`);
  expectOptionalText(story.title, `${what}.title`);
  expectOptionalText(story.summary, `${what}.summary`);
  expectOptionalText(story.contentHtml, `${what}.contentHtml`);
  expectOptionalText(story.contentText, `${what}.contentText`);
  expectOptionalUrl(story.url, linkSchemes, `${what}.url`);
  expectOptionalUrl(story.image, imageSchemes, `${what}.image`);
  expectOptionalDate(story.published, `${what}.published`);
  expectOptionalDate(story.modified, `${what}.modified`);
  expectAuthors(story.authors, `${what}.authors`);
  expect(story.tags, `${what}.tags`).to.be.an('array');
  story.tags.forEach((tag, index) => {
    expect(tag, `${what}.tags[${index}]`).to.be.a('string');
    expectOptionalText(tag, `${what}.tags[${index}]`);
  });
  expectOptionalLanguage(story.language, `${what}.language`);
  if (story.featured !== undefined) expect(story.featured, `${what}.featured`).to.be.a('boolean');
}

/** Everything `Feed` and `Story` promise: valid stories with unique ids, newest first, undated last. */
function assertValidFeed(feed: Feed): void {
  expect(feed, 'feed').to.be.an('object');
  expectOptionalText(feed.title, 'feed.title');
  expectOptionalUrl(feed.homePageUrl, linkSchemes, 'feed.homePageUrl');
  expectOptionalUrl(feed.nextUrl, linkSchemes, 'feed.nextUrl');
  expectOptionalLanguage(feed.language, 'feed.language');
  expectAuthors(feed.authors, 'feed.authors');
  expect(Number.isInteger(feed.skipped) && feed.skipped >= 0, `feed.skipped = ${feed.skipped}`).to.equal(true);
  expect(feed.stories, 'feed.stories').to.be.an('array');

  const ids = new Set<string>();
  let previous: number | undefined;
  let undatedSeen = false;
  feed.stories.forEach((story, index) => {
    const what = `stories[${index}]`;
    assertValidStory(story, what);
    expect(ids.has(story.id), `${what}.id ${JSON.stringify(story.id)} is not unique`).to.equal(false);
    ids.add(story.id);
    const time = story.published?.getTime();
    if (time === undefined) {
      undatedSeen = true;
    } else {
      expect(undatedSeen, `${what} is dated but comes after an undated story`).to.equal(false);
      if (previous !== undefined) expect(time, `${what} is newer than the story before it`).to.be.at.most(previous);
      previous = time;
    }
  });
}

/**
 * Runs `read`; a returned feed must be valid, and a thrown error must be a FeedError of one of
 * `kinds`. Returns the feed, or the FeedError.
 */
function readFeed(read: () => Feed, kinds: FeedErrorKind[]): Feed | FeedError {
  let feed: Feed;
  try {
    feed = read();
  } catch (error) {
    if (!(error instanceof FeedError)) expect.fail(`threw ${String((error as Error)?.stack ?? error)}`);
    expect(kinds, `FeedError kind (${error.message})`).to.include(error.kind);
    return error;
  }
  assertValidFeed(feed);
  return feed;
}

/** The id a JSON Feed item or WordPress post has per the spec: a string (trimmed) or a finite number. */
function specId(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const id = (item as Record<string, unknown>)['id'];
  if (typeof id === 'number') return Number.isFinite(id) ? String(id) : undefined;
  return typeof id === 'string' && id.trim() ? id.trim() : undefined;
}

/**
 * For a list of items or posts: one story per distinct id (the first item with it), every other
 * item skipped, and the stories of equal dates (or none) kept in feed order.
 */
function expectStoriesOfItems(feed: Feed, items: unknown[]): void {
  expect(feed.stories.length + feed.skipped, 'stories + skipped').to.equal(items.length);
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const id = specId(item);
    if (id !== undefined && !firstIndex.has(id)) firstIndex.set(id, index);
  });
  expect(feed.stories.map((story) => story.id).sort(), 'story ids').to.deep.equal([...firstIndex.keys()].sort());
  for (let index = 1; index < feed.stories.length; index++) {
    const [before, after] = [feed.stories[index - 1]!, feed.stories[index]!];
    if (before.published?.getTime() === after.published?.getTime()) {
      expect(firstIndex.get(before.id)!, `stable order of ${before.id} and ${after.id}`).to.be.below(firstIndex.get(after.id)!);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries shared by the formats

const feedUrlArb = fc.constantFrom(
  'https://city.example/news/feed.json',
  'http://localhost:8000/wp-json/wp/v2/posts?_embed',
  'https://xn--80ak6aa92e.example/лента/',
  undefined,
  'not a url',
  'file:///tmp/feed.json',
  'mailto:press@city.example',
);

/** Strings feeds are made of, and strings that break naive code. */
const oddStringArb = fc.constantFrom(
  '', ' ', '\u00A0', '\u00A0\u00A0', '\t\n ', '\u200B', '\uFEFF', '\u2028',
  'Заголовок новости', 'Ёлка «на площади» — 9\u00A0мая', '你好，世界', 'مرحبا بالعالم', '👨‍👩‍👧‍👦', '🇷🇺🇺🇦', 'e\u0301', '\u0301',
  '\uD800', 'x\uDBFF', '\uDC00x', '\uFFFE', '\u0000', '\u0007bell',
  '&amp;', '&amp;lt;b&amp;gt;', '&nbsp;', '&#151;', '<b>bold</b>', '<script>alert(1)</script>',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'NaN', 'null', 'undefined', '-0', '1e21',
);

const urlStringArb = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://city.example/news/1.html', 'HTTP://CITY.EXAMPLE/A', ' https://city.example/padded ', 'https://city.example/a b',
    'https://город.example/новости', 'http://[::1]:8080/x', 'mailto:press@city.example', 'tel:+7-999-000-00-00', 'MAILTO:X@Y',
    'javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\nscript:alert(1)', 'data:image/png;base64,AAAA', 'vbscript:msgbox(1)',
    'file:///etc/passwd', 'ftp://city.example/x', 'blob:https://city.example/uuid', 'about:blank',
    '/relative/path.html', 'relative.png', '../up.jpg', '?query=1', '#fragment', '//cdn.example/x.png', 'photo.jpg?w=300#x',
    'http://[invalid', 'http://', 'https://exa mple.com', 'http://a:b@c.example', 'https://city.example/%zz', '\\\\server\\share',
  ),
  oddStringArb,
);

/** Values of the wrong type for any field. */
const wrongTypeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, Number.MAX_SAFE_INTEGER + 2),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
);

/** A field: mostly a valid value, sometimes a string of any kind, sometimes the wrong type. */
const field = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: oddStringArb },
    { weight: 1, arbitrary: wrongTypeArb },
  );

const textArb = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.lorem({ maxCount: 6 }), oddStringArb);

const languageArb = fc.constantFrom(
  'ru', 'ru-RU', 'en-us', 'EN', 'zh-hant-tw', 'sr-Latn-RS', 'de-DE-u-co-phonebk', 'x-private', 'i-klingon', 'und', 'iw',
  'en_US', 'not a tag', 'a', 'toolongsubtag123', 'en-', '-en', 'ru-RU-RU', ' ru ', '',
);

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** RFC 3339 date-times with parts in and out of range, every separator and zone form. */
const isoDateArb = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 99 })),
    time: fc.option(
      fc.record({
        separator: fc.constantFrom('T', 't', ' '),
        hours: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 99 })),
        minutes: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 99 })),
        seconds: fc.option(fc.integer({ min: 0, max: 99 })),
        fraction: fc.constantFrom('', '.5', '.123', '.123456789'),
      }),
    ),
    zone: fc.constantFrom('', 'Z', 'z', '+03:00', '-0500', '+05:45', '+99:99', '+14:00', ' Z', '+3', 'GMT', '-00:00'),
  })
  .map(({ year, month, day, time, zone }) => {
    const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (!time) return date + zone;
    const seconds = time.seconds === null ? '' : `:${pad(time.seconds, 2)}${time.fraction}`;
    return `${date}${time.separator}${pad(time.hours, 2)}:${pad(time.minutes, 2)}${seconds}${zone}`;
  });

/** RFC 822 dates as feeds write them, sloppy ones included, with parts in and out of range. */
const rfc822DateArb = fc
  .record({
    weekday: fc.constantFrom('', 'Tue, ', 'Tue ', 'Tuesday, ', 'вт, ', 'Mon,'),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 99 })),
    month: fc.constantFrom('Jan', 'Feb', 'Sept', 'December', 'dec', 'мая', 'ноя', 'Ja', 'Foo', 'Mär', 'Jan.'),
    dayFirst: fc.boolean(),
    year: fc.constantFrom('2026', '26', '99', '126', '0000', '9999', '12345', '1'),
    time: fc.constantFrom('', ' 10:00', ' 10:00:00', ' 23:59:60', ' 24:00:00', ' 9:05:07.123', ' 12:00 am', ' 13:00 pm', ' 0:00 p.m.', ' 99:99'),
    zone: fc.constantFrom('', ' GMT', ' +0300', ' -0000', ' +03:00', ' GMT+3', ' UTC-14', ' +1500', ' +0099', ' EST', ' MSK', ' Etc/GMT',
      ' XYZT', ' Z', ' constructor', ' __proto__', ' +0000 (UTC)', ' (comment'),
  })
  .map(({ weekday, day, month, dayFirst, year, time, zone }) =>
    `${weekday}${dayFirst ? `${day} ${month}` : `${month} ${day},`} ${year}${time}${zone}`);

/** Dates of years 0 to 9999 (what RFC 3339 and RFC 822 can write). */
const dateArb = fc.date({ min: new Date(-62_167_219_200_000), max: new Date(253_402_300_799_999), noInvalidDate: true });

const dateFieldArb = fc.oneof(
  { weight: 2, arbitrary: dateArb.map((date) => date.toISOString()) },
  { weight: 1, arbitrary: dateArb.map((date) => date.toUTCString()) },
  { weight: 1, arbitrary: isoDateArb },
  { weight: 1, arbitrary: rfc822DateArb },
);

/** HTML as CMSs produce it: tags, entities (valid, unknown, out of range), comments, read-more links. */
const htmlArb = fc
  .array(
    fc.oneof(
      textArb,
      fc.constantFrom(
        '<p>', '</p>', '<br>', '<br/>', '<em>', '</em>', '<div class="x">', '</div>', '<h2>', '</h2>', '<li>', '<span>',
        '&amp;', '&amp;lt;', '&lt;', '&gt;', '&quot;', '&#39;', '&#151;', '&#x1F600;', '&#xD800;', '&#0;', '&#99999999;',
        '&#1114112;', '&#x110000', '&#65', '&hellip;', '&nbsp;', '&nbsp;&nbsp;', '&laquo;', '&raquo;', '&unknown;', '&#', '&',
        '&constructor;', '&__proto__;', '&toString;',
        ' [&hellip;]', ' [...]', '[…]', ' […] ', '<a class="more-link" href="/p/1">Читать далее</a>',
        "<a class='more-link x'>Read more", '<a href="/p">Continue reading</a>', '<a href="/p">Continue reading <span>"Title"</span></a></p>',
        '<script>alert(1)</script>', '<style>p{}</style>', '<title>t</title>', '<svg><text>x</text></svg>', '<script>',
        '<!-- c -->', '<!-- unterminated', '<!DOCTYPE html>', '<?php ?>', '<a title=">">', '<a title="', '<', '>', '"', "'",
      ),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------
// JSON Feed

/** Few distinct ids, so that duplicates (also "7" and 7) are common. */
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', '7', ' 7 ', 'https://city.example/?p=1', 'Ёж', '👍') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 9 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', -0, 0.1, 1e21, Number.NaN, Number.POSITIVE_INFINITY, null, true, ['a'], { id: 'a' }) },
);

const jsonAuthorArb = fc.oneof(
  fc.record({ name: field(textArb), url: field(urlStringArb), avatar: field(urlStringArb) }, { requiredKeys: [] }),
  wrongTypeArb,
);

const jsonItemArb = fc.record(
  {
    id: idArb,
    url: field(urlStringArb),
    external_url: field(urlStringArb),
    title: field(textArb),
    summary: field(textArb),
    content_html: field(htmlArb),
    content_text: field(textArb),
    image: field(urlStringArb),
    banner_image: field(urlStringArb),
    date_published: field(dateFieldArb),
    date_modified: field(dateFieldArb),
    authors: field(fc.array(jsonAuthorArb, { maxLength: 3 })),
    author: jsonAuthorArb,
    tags: field(fc.array(field(textArb), { maxLength: 4 })),
    language: field(languageArb),
    _news_widgets: field(fc.record({ featured: field(fc.boolean()) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['id'] },
);

const jsonItemsArb = fc.array(
  fc.oneof({ weight: 8, arbitrary: jsonItemArb }, { weight: 1, arbitrary: wrongTypeArb }, { weight: 1, arbitrary: oddStringArb }),
  { maxLength: 12 },
);

/** A document that is a JSON Feed (a jsonfeed.org version, or none and an `items` array). */
const jsonFeedArb = fc.record(
  {
    version: fc.constantFrom('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/9'),
    items: fc.oneof({ weight: 5, arbitrary: jsonItemsArb }, { weight: 1, arbitrary: fc.sparseArray(jsonItemArb, { maxLength: 8 }) }),
    title: field(textArb),
    home_page_url: field(urlStringArb),
    feed_url: field(urlStringArb),
    next_url: field(urlStringArb),
    language: field(languageArb),
    authors: field(fc.array(jsonAuthorArb, { maxLength: 3 })),
    author: jsonAuthorArb,
  },
  { requiredKeys: ['items'] },
);

/** Almost a JSON Feed: another version, items of the wrong type, or not an object at all. */
const notQuiteJsonFeedArb = fc.oneof(
  fc.record({ version: fc.oneof(fc.constantFrom('1.1', 'http://jsonfeed.org/version/1', 'https://jsonfeed.org/', null), wrongTypeArb), items: jsonItemsArb }),
  fc.record({ items: wrongTypeArb }),
  jsonItemsArb,
);

/** What `isJsonFeed` is documented to accept. */
function isFeedLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { version, items } = value as Record<string, unknown>;
  if (typeof version === 'string' && version.startsWith('https://jsonfeed.org/version/')) return true;
  return version === undefined && Array.isArray(items);
}

describe('normalizers: properties', function () {
  this.timeout(60_000);

  describe('normalizeJsonFeed', () => {
    it('returns a valid feed for any JSON, and throws only FeedError "format" for a document that is not feed-like', () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), notQuiteJsonFeedArb), feedUrlArb, (document, feedUrl) => {
          const result = readFeed(() => normalizeJsonFeed(document, feedUrl), ['format']);
          expect(result instanceof FeedError, 'threw').to.equal(!isFeedLike(document));
        }),
        { numRuns: 150 },
      );
    });

    it('returns a valid feed for any value (also Maps, Sets, boxed values, null prototypes)', () => {
      const anything = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, maxDepth: 3 });
      fc.assert(
        fc.property(fc.oneof(anything, fc.record({ items: fc.array(anything, { maxLength: 5 }) })), feedUrlArb, (document, feedUrl) => {
          const result = readFeed(() => normalizeJsonFeed(document, feedUrl), ['format']);
          expect(result instanceof FeedError, 'threw').to.equal(!isFeedLike(document));
        }),
        { numRuns: 100 },
      );
    });

    it('turns every item of a feed into a valid story or a skip: one story per distinct id, in date order', () => {
      fc.assert(
        fc.property(jsonFeedArb, feedUrlArb, (document, feedUrl) => {
          const feed = readFeed(() => normalizeJsonFeed(document, feedUrl), []) as Feed;
          expectStoriesOfItems(feed, document.items);
        }),
        { numRuns: 200 },
      );
    });
  });

  // ---------------------------------------------------------------------------------------------
  // WordPress

  const renderedArb = (html: fc.Arbitrary<string>) =>
    field(fc.oneof({ weight: 4, arbitrary: fc.record({ rendered: field(html), protected: field(fc.boolean()) }, { requiredKeys: [] }) }, { weight: 1, arbitrary: html }));

  const restErrorArb = fc.record({
    code: fc.constantFrom('rest_user_invalid_id', 'rest_forbidden', 'rest_post_invalid_id'),
    message: fc.constantFrom('Invalid user ID.', 'Sorry, you are not allowed to do that.'),
    data: fc.record({ status: fc.constantFrom(401, 403, 404) }),
  }, { requiredKeys: ['code'] });

  const embeddedEntry = <T>(valid: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: restErrorArb }, { weight: 1, arbitrary: wrongTypeArb });

  const wpUserArb = fc.record({ id: field(fc.nat()), name: field(htmlArb), link: field(urlStringArb) }, { requiredKeys: [] });
  const wpMediaArb = fc.record(
    { media_type: field(fc.constantFrom('image', 'file', 'video')), source_url: field(urlStringArb), mime_type: field(fc.constantFrom('image/jpeg', 'video/mp4')) },
    { requiredKeys: [] },
  );
  const wpTermArb = fc.record({ taxonomy: field(fc.constantFrom('category', 'post_tag', 'post_format', 'constructor')), name: field(htmlArb) }, { requiredKeys: [] });

  const wpDateArb = fc.oneof(
    fc.date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 19)),
    dateFieldArb,
  );

  const wpPostArb = fc.record(
    {
      id: idArb,
      date: field(wpDateArb),
      date_gmt: field(wpDateArb),
      modified: field(wpDateArb),
      modified_gmt: field(wpDateArb),
      link: field(urlStringArb),
      title: renderedArb(htmlArb),
      excerpt: renderedArb(htmlArb),
      content: renderedArb(htmlArb),
      sticky: field(fc.boolean()),
      _embedded: field(
        fc.record(
          {
            author: field(fc.array(embeddedEntry(wpUserArb), { maxLength: 2 })),
            'wp:featuredmedia': field(fc.array(embeddedEntry(wpMediaArb), { maxLength: 2 })),
            'wp:term': field(fc.array(field(fc.array(embeddedEntry(wpTermArb), { maxLength: 3 })), { maxLength: 3 })),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: ['id'] },
  );

  const wpPostsArb = fc.array(
    fc.oneof({ weight: 8, arbitrary: wpPostArb }, { weight: 1, arbitrary: wrongTypeArb }, { weight: 1, arbitrary: oddStringArb }),
    { maxLength: 10 },
  );

  describe('normalizeWordPress', () => {
    it('returns a valid feed for any value that is an array, and throws only FeedError "format" for anything else', () => {
      const anything = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, maxDepth: 3 });
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), anything, fc.array(anything, { maxLength: 5 })), feedUrlArb, (posts, feedUrl) => {
          const result = readFeed(() => normalizeWordPress(posts, feedUrl), ['format']);
          expect(result instanceof FeedError, 'threw').to.equal(!Array.isArray(posts));
        }),
        { numRuns: 150 },
      );
    });

    it('turns every post into a valid story or a skip: one story per distinct id, sticky ones featured', () => {
      fc.assert(
        fc.property(wpPostsArb, feedUrlArb, (posts, feedUrl) => {
          const feed = readFeed(() => normalizeWordPress(posts, feedUrl), []) as Feed;
          expectStoriesOfItems(feed, posts);
          for (const story of feed.stories) {
            const post = posts.find((candidate) => specId(candidate) === story.id) as Record<string, unknown>;
            expect(story.featured, `featured of ${story.id}`).to.equal(post['sticky'] === true ? true : undefined);
          }
        }),
        { numRuns: 200 },
      );
    });
  });

  // ---------------------------------------------------------------------------------------------
  // RSS and Atom, built from fragments

  const escapeXml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  /** Strings without lone surrogates (a decoded body never has one). */
  const wellFormedString = (arb: fc.Arbitrary<string>) => arb.filter((text) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text));

  /**
   * Element text that the parser accepts, or that its repair promises to accept: escaped text,
   * CDATA, inline markup, and the usual breakage (a bare "&", HTML entities, control characters).
   */
  const xmlTextArb = fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: wellFormedString(fc.oneof(textArb, urlStringArb, dateFieldArb)).map(escapeXml) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            '&', ' & ', '&nbsp;', '&laquo;Ёлка&raquo;', '&mdash;', '&unknown;', '&hellip;', '\u0001', '\u001F', '&#1;', '&#x1F600;', '&#160;',
            '&amp;quot;', '&amp;nbsp;', '&lt;b&gt;bold&lt;/b&gt;', '&lt;p&gt;para&lt;/p&gt;', '&lt;script&gt;alert(1)&lt;/script&gt;',
            '<b>x</b>', '<p class="a">y</p>', '<br/>', '<![CDATA[<p>x & y</p>]]>', '<![CDATA[]]>', '<!-- comment -->', '<?pi x?>',
            'Текст', ' ', '\n\t', '\u00A0', '👨‍👩‍👧‍👦',
          ),
        },
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(''));

  /** An attribute value, quoted. */
  const attrArb = (values: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 4, arbitrary: wellFormedString(values).map((value) => `"${escapeXml(value)}"`) },
      { weight: 1, arbitrary: fc.constantFrom('"a&b"', '"&nbsp;"', "'single'", '"&amp;amp;"') },
    );

  const optionalAttr = (name: string, values: fc.Arbitrary<string>) =>
    fc.option(attrArb(values).map((value) => ` ${name}=${value}`), { nil: '' });

  const xmlBaseArb = optionalAttr('xml:base', fc.constantFrom('https://base.example/dir/', 'sub/', '/root/', 'http://[', 'javascript:x', ''));
  const xmlLangArb = optionalAttr('xml:lang', languageArb);
  const element = (name: string, attributes: fc.Arbitrary<string> = fc.constant('')) =>
    fc.tuple(attributes, xmlTextArb).map(([attrs, text]) => `<${name}${attrs}>${text}</${name}>`);
  const xmlUrlArb = wellFormedString(urlStringArb);
  const xmlDateArb = fc.oneof({ weight: 4, arbitrary: dateFieldArb }, { weight: 1, arbitrary: wellFormedString(textArb) }).map(escapeXml);

  const rssItemChildArb = fc.oneof(
    element('title'),
    fc.tuple(xmlBaseArb, xmlUrlArb).map(([base, url]) => `<link${base}>${escapeXml(url)}</link>`),
    fc.tuple(optionalAttr('isPermaLink', fc.constantFrom('true', 'false', 'FALSE ', '')), fc.oneof(xmlUrlArb.map(escapeXml), xmlTextArb))
      .map(([attrs, text]) => `<guid${attrs}>${text}</guid>`),
    xmlDateArb.map((date) => `<pubDate>${date}</pubDate>`),
    xmlDateArb.map((date) => `<dc:date>${date}</dc:date>`),
    element('description'),
    wellFormedString(htmlArb).map((html) => `<description>${escapeXml(html)}</description>`),
    wellFormedString(htmlArb).map((html) => `<content:encoded><![CDATA[${html.replace(/]]>/g, '')}]]></content:encoded>`),
    element('content:encoded', xmlBaseArb),
    element('category'),
    element('dc:subject'),
    element('dc:creator'),
    fc.constantFrom('<author>press@city.example (Пресс-служба)</author>', '<author>Name &lt;a@b.example&gt;</author>', '<author></author>'),
    element('author'),
    element('dc:language'),
    fc.tuple(attrArb(xmlUrlArb), optionalAttr('type', fc.constantFrom('image/jpeg', 'audio/mpeg', 'IMAGE/PNG', '')), xmlBaseArb)
      .map(([url, type, base]) => `<enclosure url=${url}${type}${base} length="1"/>`),
    fc.tuple(attrArb(xmlUrlArb), optionalAttr('medium', fc.constantFrom('image', 'video', '')), optionalAttr('type', fc.constantFrom('image/webp', 'video/mp4')))
      .map(([url, medium, type]) => `<media:content url=${url}${medium}${type}/>`),
    attrArb(xmlUrlArb).map((url) => `<media:group><media:content url=${url} medium="image"/><media:thumbnail url=${url}/></media:group>`),
    attrArb(xmlUrlArb).map((url) => `<media:thumbnail url=${url}/>`),
    xmlUrlArb.map((url) => `<image><url>${escapeXml(url)}</url></image>`),
    fc.tuple(attrArb(xmlUrlArb), optionalAttr('type', fc.constantFrom('image/png', 'text/html'))).map(([url, type]) => `<atom:link rel="enclosure" href=${url}${type}/>`),
  );

  const rssItemArb = fc
    .tuple(xmlLangArb, xmlBaseArb, optionalAttr('rdf:about', xmlUrlArb), fc.array(rssItemChildArb, { maxLength: 8 }))
    .map(([lang, base, about, children]) => `<item${lang}${base}${about}>${children.join('')}</item>`);

  const rssChannelChildArb = fc.oneof(
    element('title'),
    element('link', xmlBaseArb),
    element('description'),
    element('language'),
    element('dc:language'),
    element('dc:creator'),
    element('managingEditor'),
  );

  const namespaces =
    ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"';

  const rssArb = fc
    .record({
      rdf: fc.boolean(),
      rootAttrs: fc.tuple(xmlLangArb, xmlBaseArb).map((attrs) => attrs.join('')),
      channelAttrs: fc.tuple(xmlLangArb, xmlBaseArb).map((attrs) => attrs.join('')),
      channel: fc.array(rssChannelChildArb, { maxLength: 4 }),
      items: fc.array(rssItemArb, { maxLength: 6 }),
    })
    .map(({ rdf, rootAttrs, channelAttrs, channel, items }) => ({
      items: items.length,
      xml: rdf
        ? `<rdf:RDF xmlns="http://purl.org/rss/1.0/"${namespaces}${rootAttrs}>` +
          `<channel rdf:about="https://city.example/"${channelAttrs}>${channel.join('')}</channel>${items.join('')}</rdf:RDF>`
        : `<rss version="2.0"${namespaces}${rootAttrs}><channel${channelAttrs}>${channel.join('')}${items.join('')}</channel></rss>`,
    }));

  const atomTypeArb = optionalAttr('type', fc.constantFrom('text', 'html', 'xhtml', 'text/plain', 'text/html', 'application/xhtml+xml', 'image/png'));
  const atomTextElement = (name: string) =>
    fc.oneof(
      fc.tuple(atomTypeArb, xmlTextArb).map(([type, text]) => `<${name}${type}>${text}</${name}>`),
      xmlTextArb.map((text) => `<${name} type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${text}</div></${name}>`),
      wellFormedString(htmlArb).map((html) => `<${name} type="html">${escapeXml(html)}</${name}>`),
    );

  const atomPersonArb = (name: string) =>
    fc
      .tuple(fc.option(element('name'), { nil: '' }), fc.option(fc.tuple(xmlBaseArb, xmlUrlArb).map(([base, url]) => `<uri${base}>${escapeXml(url)}</uri>`), { nil: '' }))
      .map(([personName, uri]) => `<${name}>${personName}${uri}</${name}>`);

  const atomLinkArb = fc
    .tuple(
      optionalAttr('rel', fc.constantFrom('alternate', 'self', 'enclosure', 'related', ' ALTERNATE ', 'http://www.iana.org/assignments/relation/alternate')),
      optionalAttr('type', fc.constantFrom('text/html', 'application/xhtml+xml', 'image/jpeg', 'application/atom+xml', 'text/html; charset=utf-8')),
      optionalAttr('href', xmlUrlArb),
      xmlBaseArb,
    )
    .map((attrs) => `<link${attrs.join('')}/>`);

  const atomEntryChildArb = fc.oneof(
    element('id'),
    atomTextElement('title'),
    atomTextElement('summary'),
    atomTextElement('content'),
    attrArb(xmlUrlArb).map((src) => `<content src=${src} type="text/html"/>`),
    element('content', fc.constantFrom(' type="text/html" mode="escaped"', ' mode="base64"', ' mode="xml" type="application/xhtml+xml"')),
    atomLinkArb,
    xmlDateArb.map((date) => `<published>${date}</published>`),
    xmlDateArb.map((date) => `<updated>${date}</updated>`),
    xmlDateArb.map((date) => `<issued>${date}</issued>`),
    atomPersonArb('author'),
    atomPersonArb('contributor'),
    fc.tuple(atomPersonArb('author'), fc.option(atomTextElement('title'), { nil: '' })).map(([author, title]) => `<source>${title}${author}</source>`),
    fc.tuple(optionalAttr('term', textArb), optionalAttr('label', textArb), xmlTextArb).map(([term, label, text]) => `<category${term}${label}>${text}</category>`),
    attrArb(xmlUrlArb).map((url) => `<media:thumbnail url=${url}/>`),
  );

  const atomEntryArb = fc
    .tuple(xmlLangArb, xmlBaseArb, fc.array(atomEntryChildArb, { maxLength: 8 }))
    .map(([lang, base, children]) => `<entry${lang}${base}>${children.join('')}</entry>`);

  const atomArb = fc
    .record({
      namespace: fc.constantFrom('http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'),
      prefix: fc.constantFrom('', 'atom:'),
      rootAttrs: fc.tuple(xmlLangArb, xmlBaseArb).map((attrs) => attrs.join('')),
      head: fc.array(fc.oneof(atomTextElement('title'), atomLinkArb, atomPersonArb('author'), element('id')), { maxLength: 4 }),
      entries: fc.array(atomEntryArb, { maxLength: 6 }),
    })
    .map(({ namespace, prefix, rootAttrs, head, entries }) => {
      // A prefixed root keeps the children in the default (Atom) namespace declared on it as well.
      const declarations = prefix ? ` xmlns:atom="${namespace}" xmlns="${namespace}"` : ` xmlns="${namespace}"`;
      return {
        items: entries.length,
        xml: `<${prefix}feed${declarations} xmlns:media="http://search.yahoo.com/mrss/"${rootAttrs}>${head.join('')}${entries.join('')}</${prefix}feed>`,
      };
    });

  const prologArb = fc.constantFrom(
    '',
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '\n\n  <?xml version="1.0" encoding="windows-1251"?>',
    '\uFEFF<?xml version="1.0"?>',
    '<?xml version="1.0"?><?xml-stylesheet href="/rss.xsl" type="text/xsl"?><!-- generator -->\n',
    '<!DOCTYPE rss [<!ENTITY nbsp "&#160;"> <!ENTITY brand "Город">]>',
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
  );

  const xmlFeedArb = fc.tuple(prologArb, fc.oneof(rssArb, atomArb)).map(([prolog, { items, xml }]) => ({ items, xml: prolog + xml }));

  /** Breakage of a well-formed document: cut short, a fragment inserted, a slice removed. */
  const brokenXmlArb = fc
    .tuple(
      xmlFeedArb,
      fc.nat(),
      fc.nat({ max: 40 }),
      fc.oneof(
        fc.constantFrom(
          '<', '>', '&', '</item>', '<item>', '</entry>', '<entry>', ']]>', '<![CDATA[', '<!--', '-->', '"', '<?xml version="1.0"?>',
          '\u0000', '\uFFFF', '\uD800', '<!DOCTYPE x [<!ENTITY a "&b;"><!ENTITY b "x">]>', '<!DOCTYPE rss [<!ENTITY % p "x">]>', '&a;',
          '<html>', '<parsererror>x</parsererror>', 'xmlns:dc="x"', '<dc:x>', '</rss>', '</feed>',
        ),
        fc.string({ unit: 'binary', maxLength: 8 }),
      ),
      fc.constantFrom('truncate', 'insert', 'remove'),
    )
    .map(([{ xml }, position, length, fragment, how]) => {
      const at = position % (xml.length + 1);
      if (how === 'truncate') return xml.slice(0, at);
      if (how === 'insert') return xml.slice(0, at) + fragment + xml.slice(at);
      return xml.slice(0, at) + xml.slice(at + length + 1);
    });

  const contentTypeArb = fc.constantFrom(
    null, '', 'application/json', 'application/feed+json', 'application/rss+xml; charset=utf-8', 'text/xml', 'text/html; charset=utf-8', 'text/plain',
  );

  describe('parseFeedText', () => {
    it('returns a valid feed or throws a FeedError "parse" or "format" for any string', () => {
      const prefixArb = fc.constantFrom('', '\uFEFF', ' \n', '<', '<?xml version="1.0"?>', '<rss>', '<feed>', '<rdf:RDF>', '<html>', '{', '[', '"', '<!DOCTYPE html>');
      const bodyArb = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), oddStringArb);
      fc.assert(
        fc.property(prefixArb, bodyArb, contentTypeArb, feedUrlArb, (prefix, body, contentType, feedUrl) => {
          readFeed(() => parseFeedText(prefix + body, contentType, feedUrl), ['parse', 'format']);
        }),
        { numRuns: 200 },
      );
    });

    it('returns a valid feed or throws a FeedError "format" for any JSON text, feed-shaped or not', () => {
      const documentArb = fc.oneof(fc.jsonValue(), jsonFeedArb, notQuiteJsonFeedArb, wpPostsArb);
      fc.assert(
        fc.property(documentArb, contentTypeArb, feedUrlArb, fc.boolean(), (document, contentType, feedUrl, pretty) => {
          const text = JSON.stringify(document, null, pretty ? 2 : undefined);
          readFeed(() => parseFeedText(text, contentType, feedUrl), ['format']);
        }),
        { numRuns: 150 },
      );
    });

    it('reads any RSS or Atom document built from (sloppy) fragments into valid stories, one per item or a skip', () => {
      fc.assert(
        fc.property(xmlFeedArb, contentTypeArb, feedUrlArb, ({ items, xml }, contentType, feedUrl) => {
          const result = readFeed(() => parseFeedText(xml, contentType, feedUrl), []);
          const feed = result as Feed;
          expect(feed.stories.length + feed.skipped, 'stories + skipped').to.equal(items);
        }),
        { numRuns: 120 },
      );
    });

    it('returns a valid feed or throws a FeedError "parse" or "format" for broken RSS and Atom', () => {
      fc.assert(
        fc.property(brokenXmlArb, contentTypeArb, feedUrlArb, (xml, contentType, feedUrl) => {
          readFeed(() => parseFeedText(xml, contentType, feedUrl), ['parse', 'format']);
        }),
        { numRuns: 120 },
      );
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Dates

  const isValidDateOrUndefined = (value: unknown) =>
    value === undefined || (value instanceof Date && !Number.isNaN(value.getTime()));

  describe('parseRfc822Date and readIsoDate', () => {
    const dateTextArb = fc.oneof(rfc822DateArb, isoDateArb, fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), oddStringArb, fc.string({ minLength: 190, maxLength: 260 }));

    it('never throw, and return undefined or a valid Date', () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 4, arbitrary: dateTextArb }, { weight: 1, arbitrary: fc.anything() }), (value) => {
          const rfc822 = parseRfc822Date(value as string);
          expect(isValidDateOrUndefined(rfc822), `parseRfc822Date(${JSON.stringify(value)}) = ${String(rfc822)}`).to.equal(true);
          const iso = readIsoDate(value);
          expect(isValidDateOrUndefined(iso), `readIsoDate(${JSON.stringify(value)}) = ${String(iso)}`).to.equal(true);
        }),
        { numRuns: 500 },
      );
    });

    it('read back the dates JavaScript writes, to the second', () => {
      const dateArb = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), noInvalidDate: true });
      fc.assert(
        fc.property(dateArb, (date) => {
          const seconds = Math.floor(date.getTime() / 1000) * 1000;
          expect(readIsoDate(date.toISOString())?.getTime(), date.toISOString()).to.equal(date.getTime());
          expect(parseRfc822Date(date.toISOString())?.getTime(), date.toISOString()).to.equal(date.getTime());
          expect(parseRfc822Date(date.toUTCString())?.getTime(), date.toUTCString()).to.equal(seconds);
          // Local time, in the zone of the browser: after 1970, where no zone has an offset in seconds.
          if (date.getUTCFullYear() >= 1970) expect(parseRfc822Date(date.toString())?.getTime(), date.toString()).to.equal(seconds);
        }),
        { numRuns: 300 },
      );
    });

    // Pending: readIsoDate leaves the calendar to `new Date(string)`, and engines disagree on dates
    // that do not exist. Chromium and Firefox roll "2026-02-30" over to 2 March (a wrong date where
    // story.ts promises none), WebKit returns undefined; WebKit rolls "T23:59:60Z" over, the others
    // refuse it. parseRfc822Date refuses 30 February in its RFC 822 form everywhere.
    it('readIsoDate reads a date that exists as itself, and one that does not as undefined, in every engine', () => {
      const partsArb = fc.record({
        year: fc.integer({ min: 1, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hours: fc.integer({ min: 0, max: 23 }),
        minutes: fc.integer({ min: 0, max: 59 }),
        seconds: fc.integer({ min: 0, max: 59 }),
      });
      fc.assert(
        fc.property(partsArb, ({ year, month, day, hours, minutes, seconds }) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}Z`;
          const expected = new Date(0);
          expected.setUTCFullYear(year, month - 1, day);
          expected.setUTCHours(hours, minutes, seconds, 0);
          const exists = expected.getUTCDate() === day;
          expect(readIsoDate(text)?.getTime(), text).to.equal(exists ? expected.getTime() : undefined);
        }),
        { numRuns: 500, examples: [[{ year: 2026, month: 2, day: 30, hours: 0, minutes: 0, seconds: 0 }]] },
      );
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Excerpts

  describe('cutExcerpt', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const graphemeCount = (text: string) => Array.from(segmenter.segment(text)).length;

    const wordsArb = fc
      .array(
        fc.oneof(
          fc.lorem({ maxCount: 1 }),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
          fc.constantFrom(
            'Жителей', 'приглашают', 'субботник', '9\u00A0мая', '—', ',', '«кавычки»', '(скобки)', '👨‍👩‍👧‍👦', '🇷🇺', 'e\u0301e\u0301', '日本語のテキスト',
            'ภาษาไทย', 'עברית', 'https://city.example/a?b=c', 'long-hyphenated-word', '...', '\uD83D', '\uDE00', '\u0301',
          ),
        ),
        { maxLength: 30 },
      )
      .chain((words) => fc.array(fc.constantFrom(' ', ' ', '\n', '\t ', '', ', ', '\u00A0'), { minLength: words.length, maxLength: words.length })
        .map((gaps) => words.map((word, index) => word + gaps[index]).join('')));

    const excerptTextArb = fc.oneof(wordsArb, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

    it('fits the maximum, keeps what fits, and otherwise cuts a prefix and adds "…"', () => {
      fc.assert(
        fc.property(excerptTextArb, fc.integer({ min: 2, max: 60 }), (text, max) => {
          const normalized = normalizeWhitespace(text);
          const excerpt = cutExcerpt(text, max);
          expect(graphemeCount(excerpt), `length of ${JSON.stringify(excerpt)}`).to.be.at.most(max);
          if (graphemeCount(normalized) <= max) {
            expect(excerpt).to.equal(normalized);
            return;
          }
          expect(excerpt.endsWith('…'), JSON.stringify(excerpt)).to.equal(true);
          const kept = excerpt.slice(0, -1);
          expect(normalized.startsWith(kept), `${JSON.stringify(kept)} is a prefix of ${JSON.stringify(normalized)}`).to.equal(true);
          // A high surrogate at the end of the kept text is one the text had alone, not half of a pair cut in two.
          if (/[\uD800-\uDBFF]$/.test(kept)) {
            expect(/^[\uDC00-\uDFFF]/.test(normalized.slice(kept.length)), `cut inside a surrogate pair: ${JSON.stringify(excerpt)}`).to.equal(false);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('never throws, whatever the maximum', () => {
      const maxArb = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5, 0.5));
      fc.assert(
        fc.property(excerptTextArb, maxArb, (text, max) => {
          expect(cutExcerpt(text, max)).to.be.a('string');
        }),
        { numRuns: 200 },
      );
    });
  });
});
