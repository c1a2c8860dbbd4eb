// news-widgets/server and the news-widgets command, from the outside: every feed format to both
// widgets, the printed feed, hostile input, bad feeds, and a command that never writes half a file.
// Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FeedError, renderWidget } from 'news-widgets/server';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (path) => join(root, 'test/fixtures/feeds', path);
const cli = join(root, 'dist/lib/server/cli.js');
const formats = {
  'JSON Feed': 'municipal.ru.json',
  WordPress: 'wordpress/posts-embed.json',
  RSS: 'xml/rich.rss.xml',
  Atom: 'xml/xml-base.atom.xml',
};

/** Runs the command; resolves with its exit code and output (never rejects). */
function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

/** The parts of a rendered widget: its shadow root's HTML and the feed printed into it. */
function parts(html, tag) {
  const match = new RegExp(`^<${tag}[^>]*><template shadowroot="open" shadowrootmode="open"><style>[^<]+</style>([\\s\\S]*)</template><script type="application/feed\\+json">([^<]*)</script></${tag}>$`).exec(html);
  assert.ok(match, `not a server-rendered <${tag}>:\n${html.slice(0, 500)}`);
  return { shadow: match[1], feed: JSON.parse(match[2]) };
}

const linkedTitles = (shadow) => [...shadow.matchAll(/<a part="link" href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] }));
const times = (shadow) => [...shadow.matchAll(/<time [^>]*>([^<]*)<\/time/g)].map((m) => m[1].trim());
const unescape = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

for (const [format, file] of Object.entries(formats)) {
  test(`${format}: both widgets render linked titles, absolute dates and the feed as JSON Feed`, () => {
    const text = readFileSync(fixture(file), 'utf8');
    const recent = parts(renderWidget({ element: 'recent-posts', feed: text, feedUrl: 'https://city.example/feed', attributes: { lang: 'ru', limit: 3, 'time-zone': 'Europe/Moscow' } }), 'recent-posts');
    assert.equal(recent.feed.version, 'https://jsonfeed.org/version/1.1');
    assert.ok(recent.feed.items.length > 0);
    const titles = linkedTitles(recent.shadow);
    assert.ok(titles.length > 0 && titles.length <= 3, `${titles.length} titles`);
    const printed = recent.feed.items.filter((item) => item.title && item.url).slice(0, titles.length);
    assert.deepEqual(titles.map((t) => [t.href, unescape(t.text)]), printed.map((item) => [item.url, item.title]));
    assert.match(recent.shadow, /<h2 part="heading"[^>]*>Последние новости<\/h2>/);
    for (const time of times(recent.shadow)) assert.match(time, /^\d{1,2} [а-я]+( \d{4} г\.)?$/, `absolute date: ${time}`);

    const featured = parts(renderWidget({ element: 'featured-story', feed: text, feedUrl: 'https://city.example/feed', attributes: { lang: 'ru' } }), 'featured-story');
    assert.match(featured.shadow, /<p part="label"[^>]*>Тема дня<\/p>/);
    assert.match(featured.shadow, /<h2 part="title"/);
    assert.match(featured.shadow, /<div part="body" dir="auto" *>\s*<[a-z]/, 'the body is rendered');
    assert.deepEqual(featured.feed, recent.feed);
  });
}

test('a parsed JSON Feed object or WordPress array renders like its text', () => {
  for (const file of [formats['JSON Feed'], formats.WordPress]) {
    const text = readFileSync(fixture(file), 'utf8');
    const options = { element: 'recent-posts', feedUrl: 'https://city.example/feed', attributes: { lang: 'en', 'time-zone': 'UTC' } };
    assert.equal(renderWidget({ ...options, feed: JSON.parse(text) }), renderWidget({ ...options, feed: text }));
  }
});

test('hostile feed HTML is sanitized on the server, and feed text can neither end the script nor leave its attribute', () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    items: [
      {
        id: '1',
        url: 'https://city.example/1',
        title: 'Title </script><script>alert(1)</script> "quoted"',
        content_html: '<p onclick="alert(2)">Text<script>alert(3)</script><img src=x onerror=alert(4)><a href="javascript:alert(5)">link</a><iframe src="https://evil.example"></iframe><style>*{}</style></p>',
        date_published: '2026-05-03T10:00:00Z',
      },
    ],
  };
  const html = renderWidget({ element: 'featured-story', feed, attributes: { lang: 'en', heading: '"><script>alert(6)</script>', 'link-target': '_blank' } });
  const { shadow, feed: printed } = parts(html, 'featured-story');
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the printed feed is a script');
  const [rendered, script] = html.split('<script type="application/feed+json">');
  assert.doesNotMatch(rendered, /onclick|onerror|javascript:|<iframe|<style>\*|alert\([2-5]\)/);
  assert.doesNotMatch(script.slice(0, -'</script></featured-story>'.length), /</, 'no markup in the printed JSON');
  assert.match(html, /heading="&quot;&gt;&lt;script&gt;alert\(6\)&lt;\/script&gt;"/);
  assert.match(shadow, /<div part="body" dir="auto" *><p>Text<img src="https:\/\/city\.example\/x" [^>]*><a rel="noopener noreferrer" target="_blank">link<\/a><\/p><\/div>|<div part="body" dir="auto" *><p>Text<img [^>]*src="https:\/\/city\.example\/x"[^>]*><a[^>]*>link<\/a><\/p><\/div>/);
  assert.match(shadow, /Title &lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;quoted&quot;/);
  assert.equal(printed.items[0].title, feed.items[0].title, 'the printed JSON reads back unchanged');
});

test('the story body\'s sub-headings go below the title on the server too, as in the browser', () => {
  const feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Мост', content_html: '<h4>Объезд</h4><p>Текст.</p><h5 dir="rtl">Автобусы</h5>' }] };
  const body = (attributes) => /<div part="body"[^>]*>(.*?)<\/div>/s.exec(parts(renderWidget({ element: 'featured-story', feed, attributes }), 'featured-story').shadow)[1];
  assert.equal(body({ lang: 'ru' }), '<h3>Объезд</h3><p>Текст.</p><h4 dir="rtl">Автобусы</h4>');
  assert.equal(body({ lang: 'ru', 'heading-level': 4 }), '<h5>Объезд</h5><p>Текст.</p><h6 dir="rtl">Автобусы</h6>');
});

test("the story's image is not shown a second time in its body on the server either, as in the browser", () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: '1', url: 'https://city.example/news/1/', title: 'Мост открыт', image: 'https://city.example/img/bridge.jpg', content_html: '<p><a href="/img/bridge.jpg"><img src="/img/bridge.jpg" alt="Мост"></a></p><p>Движение открыто. <img src="/img/old.jpg" alt="Старый мост"></p>' }],
  };
  const { shadow } = parts(renderWidget({ element: 'featured-story', feed, attributes: { lang: 'ru' } }), 'featured-story');
  assert.deepEqual([...shadow.matchAll(/<img[^>]* src="([^"]*)"/g)].map((match) => match[1]), ['https://city.example/img/bridge.jpg', 'https://city.example/img/old.jpg']);
  const body = /<div part="body"[^>]*>(.*?)<\/div>/s.exec(shadow)[1];
  assert.match(body, /^<p>Движение открыто\. <img/, 'the emptied paragraph and link are gone');
});

test('bad feeds throw a FeedError and render nothing', () => {
  const cases = [
    ['{"version": "https://jsonfeed.org/version/1.1", "items": [', 'parse'],
    ['<!doctype html><html><body>502 Bad Gateway</body></html>', 'format'],
    [readFileSync(fixture('not-a-feed.json'), 'utf8'), 'format'],
    [readFileSync(fixture('xml/truncated.rss.xml'), 'utf8'), 'parse'],
    [42, 'format'],
  ];
  for (const [feed, kind] of cases) {
    assert.throws(() => renderWidget({ element: 'recent-posts', feed }), (error) => error instanceof FeedError && error.kind === kind, String(feed).slice(0, 40));
  }
  assert.throws(() => renderWidget({ element: 'news-ticker', feed: { items: [] } }), TypeError);
  assert.throws(() => renderWidget({ element: 'recent-posts', feed: { items: [] }, attributes: { onclick: 'x' } }), TypeError);
});

test("rendering leaves Node's global scope without the feed store that a browser page's copies share", () => {
  renderWidget({ element: 'featured-story', feed: readFileSync(fixture('municipal.ru.json'), 'utf8'), feedUrl: 'https://city.example/feed' });
  assert.equal(globalThis[Symbol.for('news-widgets.feed-store.v1')], undefined);
});

test('the command prints a widget for every format and writes --out atomically', async () => {
  for (const file of Object.values(formats)) {
    const { code, stdout, stderr } = await run(['render', 'recent-posts', '--src', fixture(file), '--lang', 'ru', '--limit', '2']);
    assert.equal(code, 0, stderr);
    const { shadow } = parts(stdout.trimEnd(), 'recent-posts');
    assert.ok(linkedTitles(shadow).length >= 1, file);
    assert.match(stdout, /^<recent-posts lang="ru" limit="2">/);
  }
  const dir = mkdtempSync(join(tmpdir(), 'news-widgets-'));
  const out = join(dir, 'news.html');
  const ok = await run(['render', 'featured-story', '--src', fixture(formats.RSS), '--lang=ru', '--out', out]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, '');
  assert.match(readFileSync(out, 'utf8'), /^<featured-story lang="ru">[\s\S]*<\/featured-story>\n$/);
  // A bad feed later leaves the last good file as it was, and no temporary file behind.
  writeFileSync(join(dir, 'broken.json'), '{"items": [');
  const bad = await run(['render', 'featured-story', '--src', join(dir, 'broken.json'), '--out', out]);
  assert.equal(bad.code, 1);
  assert.match(readFileSync(out, 'utf8'), /^<featured-story lang="ru">/);
  assert.deepEqual(readdirSync(dir).sort(), ['broken.json', 'news.html']);
});

test('the command fails with one clear line and no output for a broken, missing, HTML or 404 feed', async () => {
  const server = createServer((request, response) => {
    if (request.url === '/feed.json') response.writeHead(200, { 'content-type': 'application/feed+json' }).end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', url: '/news/1', title: 'Relative link', date_published: '2026-05-03T10:00:00Z' }] }));
    else if (request.url === '/error-page') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Error</title><p>Database error</p>');
    else response.writeHead(404, 'Not Found').end('missing');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'news-widgets-'));
    writeFileSync(join(dir, 'broken.json'), '{"version": "https://jsonfeed.org/version/1.1", "items": [');
    const failures = [
      [join(dir, 'broken.json'), /not valid JSON/],
      [join(dir, 'missing.json'), /could not be read: ENOENT/],
      [`${origin}/error-page`, /HTML page instead of a feed/],
      [`${origin}/gone.json`, /answered 404/],
    ];
    for (const [src, message] of failures) {
      const { code, stdout, stderr } = await run(['render', 'recent-posts', '--src', src]);
      assert.equal(code, 1, src);
      assert.equal(stdout, '', 'nothing on stdout');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, new RegExp(`^news-widgets: cannot render <recent-posts> from ${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      assert.match(stderr, message);
    }
    const fetched = await run(['render', 'recent-posts', '--src', `${origin}/feed.json`, '--lang', 'en']);
    assert.equal(fetched.code, 0, fetched.stderr);
    assert.deepEqual(linkedTitles(parts(fetched.stdout.trimEnd(), 'recent-posts').shadow), [{ href: `${origin}/news/1`, text: 'Relative link' }]);
    const usage = await run(['render', 'news-ticker', '--src', `${origin}/feed.json`]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /unknown element "news-ticker"[\s\S]*Usage: news-widgets render/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the snippet is HTML a validator accepts: no "<?>" (lit\'s end-of-template placeholder), which the HTML parser reads as a bogus comment', () => {
  const text = readFileSync(fixture(formats['JSON Feed']), 'utf8');
  const empty = { version: 'https://jsonfeed.org/version/1.1', items: [] };
  for (const element of ['recent-posts', 'featured-story']) {
    for (const feed of [text, empty]) {
      for (const attributes of [{ lang: 'ru' }, { lang: 'ar', layout: 'cards', 'load-more': true, announce: true }]) {
        const html = renderWidget({ element, feed, attributes });
        assert.doesNotMatch(html, /<\?/, `${element} ${JSON.stringify(attributes)}`);
        assert.doesNotMatch(html, /<!--/, 'no comments either');
      }
    }
  }
});

test('an --out the command cannot write (no such folder, a folder) is one line on stderr and status 1, not a stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-widgets-'));
  for (const out of [join(dir, 'missing', 'news.html'), dir]) {
    const { code, stdout, stderr } = await run(['render', 'recent-posts', '--src', fixture(formats['JSON Feed']), '--out', out]);
    assert.equal(code, 1, out);
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, new RegExp(`^news-widgets: cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  }
  assert.deepEqual(readdirSync(dir), [], 'no temporary file left behind');
});

test('a body with nothing left to show once sanitized (an embedded video) gives way to the summary on the server, as in the browser', () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: '1', url: 'https://city.example/1', title: 'Заседание думы', summary: 'Запись заседания.', content_html: '<p><iframe src="https://video.example/embed/1"></iframe></p>\n<p> </p>' }],
  };
  const body = /<div part="body"[^>]*>(.*?)<\/div>/s.exec(parts(renderWidget({ element: 'featured-story', feed, attributes: { lang: 'ru' } }), 'featured-story').shadow)[1];
  assert.equal(body, '<p>Запись заседания.</p>');
  // An image is something to show, even without text.
  feed.items[0].content_html = '<p><img src="https://city.example/photo.jpg" alt="Зал"></p>';
  assert.match(renderWidget({ element: 'featured-story', feed, attributes: { lang: 'ru' } }), /<div part="body"[^>]*><p><img [^>]*src="https:\/\/city\.example\/photo\.jpg"/);
});

test("a WordPress image keeps its alt text and srcset in the server HTML and in the printed feed the browser reads", () => {
  const posts = [
    {
      id: 7,
      date_gmt: '2026-05-03T10:00:00',
      link: 'https://city.example/2026/05/03/most/',
      title: { rendered: 'Мост открыт' },
      excerpt: { rendered: '<p>Движение открыто.</p>' },
      content: { rendered: '<p>Движение по мосту открыто.</p>' },
      _embedded: {
        'wp:featuredmedia': [
          {
            media_type: 'image',
            source_url: 'https://city.example/uploads/most.jpg',
            alt_text: 'Новый мост на закате',
            media_details: { sizes: { medium: { source_url: 'https://city.example/uploads/most-300.jpg', width: 300 }, large: { source_url: 'https://city.example/uploads/most-1024.jpg', width: 1024 } } },
          },
        ],
      },
    },
  ];
  const srcset = 'https://city.example/uploads/most-300.jpg 300w, https://city.example/uploads/most-1024.jpg 1024w';
  for (const element of ['recent-posts', 'featured-story']) {
    const html = renderWidget({ element, feed: posts, attributes: { lang: 'ru', layout: 'cards' } });
    const { shadow, feed } = parts(html, element);
    const image = /<img[^>]*part="image"[^>]*>/.exec(shadow)?.[0] ?? '';
    assert.match(image, /alt="Новый мост на закате"/, image);
    assert.ok(image.includes(`srcset="${srcset}"`), image);
    // The browser renders from the printed feed: rendered from it, the image is the same.
    const again = parts(renderWidget({ element, feed, attributes: { lang: 'ru', layout: 'cards' } }), element).shadow;
    assert.equal(/<img[^>]*part="image"[^>]*>/.exec(again)?.[0], image);
  }
  // The extension is third-party data like the rest of a JSON Feed: only http(s) sizes of whole pixels.
  const hostile = {
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: '1', title: 'T', image: 'https://city.example/a.jpg', _news_widgets: { image_alt: '"><script>alert(1)</script>', image_sizes: [{ url: 'javascript:alert(2)', width: 300 }, { url: 'https://city.example/b.jpg', width: '1e3' }, { url: 'https://city.example/c.jpg', width: 640 }] } }],
  };
  const image = /<img[^>]*part="image"[^>]*>/.exec(renderWidget({ element: 'featured-story', feed: hostile }))?.[0];
  assert.match(image, /alt="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.doesNotMatch(image, /srcset|javascript/, 'one valid size is no srcset');
});

test("a feed's bytes (readFileSync without an encoding) are decoded as the components decode them: by BOM, charset, XML declaration", () => {
  const titleOf = (feed, contentType) => /class="clamp-title"[^>]*>([^<]*)</.exec(renderWidget({ element: 'recent-posts', feed, contentType, attributes: { lang: 'ru', limit: 1 } }))[1];
  const cp1251 = readFileSync(fixture('xml/windows-1251.rss.xml'));
  const koi8 = readFileSync(fixture('xml/koi8-r.rss.xml'));
  assert.equal(titleOf(cp1251), 'Ремонт моста через Ельцовку завершён досрочно');
  assert.match(titleOf(new Uint8Array(koi8)), /^Отключение горячей воды/);
  assert.match(titleOf(koi8.buffer.slice(koi8.byteOffset, koi8.byteOffset + koi8.length)), /^Отключение горячей воды/);
  assert.match(titleOf(readFileSync(fixture('xml/utf-16le-bom.atom.xml'))), /^Ярмарок/);
  // JSON in windows-1251, declared only by the Content-Type it was served with.
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Субботник во дворах' }] });
  const bytes = Uint8Array.from(json, (char) => (char.charCodeAt(0) < 128 ? char.charCodeAt(0) : 0xc0 + 'абвгдежзийклмнопрстуфхцчшщъыьэюя'.indexOf(char.toLowerCase()) + (char === char.toLowerCase() ? 32 : 0)));
  assert.equal(titleOf(bytes, 'application/feed+json; charset=windows-1251'), 'Субботник во дворах');
});

test('a process that renders feed after feed (a server, a watching build) does not keep every feed it printed', async () => {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const text = 'Текст новости. '.repeat(35_000); // about 0.5 MB of JSON per feed
  const render = (n) => renderWidget({ element: 'recent-posts', feed: { version: 'https://jsonfeed.org/version/1.1', items: [{ id: `${n}`, title: `Новость ${n}`, summary: 'Кратко.', content_text: `${text}${n}` }] } });
  render(0);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let n = 1; n <= 40; n++) render(n);
  gc();
  const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  // 40 feeds of 0.5 MB: kept, they would be 20 MB at least (each is kept in two or three copies).
  assert.ok(grown < 8, `the heap grew by ${grown.toFixed(1)} MB`);
});

test('a long article with no summary is cut to an excerpt without splitting all of its text (on Node 20 that ran out of memory)', async () => {
  // In a child process with a small heap: Node 20's Intl.Segmenter copies the whole input for every
  // segment, so splitting 100,000 characters into graphemes needs gigabytes.
  const script = `
    import { renderWidget } from 'news-widgets/server';
    const text = 'Администрация города сообщает, что в субботу пройдёт общегородской субботник. '.repeat(1300);
    const html = renderWidget({ element: 'recent-posts', feed: { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Субботник', content_html: '<p>' + text + '</p>' }, { id: '2', title: 'Слово', content_text: 'ы'.repeat(100000) }] }, attributes: { lang: 'ru' } });
    process.stdout.write(JSON.stringify([...html.matchAll(/<p part="excerpt"[^>]*>([^<]*)</g)].map((m) => m[1])));
  `;
  const { code, stdout, stderr } = await new Promise((resolve) =>
    execFile(process.execPath, ['--max-old-space-size=200', '--input-type=module', '-e', script], { cwd: root }, (error, out, err) => resolve({ code: error ? error.code : 0, stdout: out, stderr: err })),
  );
  assert.equal(code, 0, stderr.slice(0, 300));
  const [article, word] = JSON.parse(stdout);
  assert.equal(article, 'Администрация города сообщает, что в субботу пройдёт общегородской субботник. Администрация города сообщает, что в субботу пройдёт общегородской субботник…');
  assert.equal(word, `${'ы'.repeat(159)}…`);
});
