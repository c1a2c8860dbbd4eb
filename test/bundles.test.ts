import { expect } from '@open-wc/testing';

/**
 * The CDN module build (dist/, run `npm run build` first) fetches only what a page needs. The size
 * budgets in package.json ("size-limit") add up the files each of these pages loads; these tests
 * check that the pages load exactly those files, so a budget cannot measure less than a page gets.
 */
describe('what a page loads from the CDN module build', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());
  beforeEach(() => localStorage.clear());

  /** Opens a page, waits until `ready` holds, and returns the build's files it fetched, by chunk name. */
  async function scriptsLoadedBy(url: string, ready: (page: Document) => boolean): Promise<string[]> {
    frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
    const started = performance.now();
    while (!(frame.contentDocument && ready(frame.contentDocument))) {
      if (performance.now() - started > 8000) throw new Error(`timed out waiting for ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything fetched late would show now
    return frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/'))
      .map((path) => path.replace(/^\/dist\/(chunks\/)?/, '').replace(/-[\w-]{6}\.js$/, ''))
      .sort();
  }

  const shadowParts = (page: Document, selector: string, part: string) => page.querySelector(selector)?.shadowRoot?.querySelectorAll(`[part~="${part}"]`) ?? [];

  it('a Russian page with only <recent-posts> and a JSON Feed: the entry and the Russian words, no sanitizer, no other reader', async () => {
    const loaded = await scriptsLoadedBy('/test/fixtures/pages/recent-posts-only.html', (page) => shadowParts(page, 'recent-posts', 'item').length > 0);
    // The feed has HTML bodies (content_html): recent-posts shows their text, never the sanitized HTML.
    expect(loaded).to.deep.equal(['news-widgets.js', 'ru.core']);
  });

  it("asks for the feed before the page's first Intl formatter, which loads the browser's locale data", async () => {
    await scriptsLoadedBy('/test/fixtures/pages/story-added-later.html', (page) => shadowParts(page, 'recent-posts', 'item').length > 0);
    // Making that formatter takes tens of milliseconds on a cold page: time the request can be on its way.
    const before = (frame!.contentWindow as unknown as { eventsBeforeFirstFormatter?: string[] }).eventsBeforeFirstFormatter;
    expect(before, 'a formatter was made').to.be.an('array');
    expect(before).to.include('fetch /test/fixtures/feeds/municipal.ru.json');
  });

  it('a page with both elements and a story with an HTML body: the sanitizer too', async () => {
    const loaded = await scriptsLoadedBy(
      '/test/fixtures/pages/both-widgets.html',
      (page) => shadowParts(page, 'recent-posts', 'item').length > 0 && (shadowParts(page, 'featured-story', 'body')[0]?.querySelector('blockquote') ?? null) !== null,
    );
    expect(loaded).to.deep.equal(['featured-story', 'news-widgets.js', 'ru.core', 'sanitize-html']);
    // The story's code arrives after the list has asked for the feed: the story still gets the
    // list's response instead of fetching the feed again.
    const feedRequests = frame!.contentWindow!.performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/municipal.ru.json'));
    expect(feedRequests).to.have.length(1);
  });

  it("a page with only <featured-story>: its feed is requested while the story's code downloads, not after it, and once", async () => {
    const loaded = await scriptsLoadedBy('/test/fixtures/pages/featured-only.html', (page) => (shadowParts(page, 'featured-story', 'body')[0]?.querySelector('blockquote') ?? null) !== null);
    expect(loaded).to.deep.equal(['featured-story', 'news-widgets.js', 'ru.core', 'sanitize-html']);
    const feedRequests = frame!.contentWindow!.performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/municipal.ru.json'));
    expect(feedRequests).to.have.length(1);
    // The page records fetch() calls and definitions in order: the entry asks for the feed before the
    // story's code has arrived and defined the element (after it, the story would wait two round trips).
    const events = (frame!.contentWindow as unknown as { pageEvents: string[] }).pageEvents;
    expect(events).to.deep.equal(['define recent-posts', 'fetch /test/fixtures/feeds/municipal.ru.json', 'define featured-story']);
  });

  it('a <featured-story> whose src is only spaces: no feed to fetch ahead of its code, and no request for the page itself', async () => {
    const url = '/test/fixtures/pages/featured-blank-src.html';
    const loaded = await scriptsLoadedBy(url, (page) => shadowParts(page, 'featured-story', 'empty').length > 0);
    expect(loaded).to.deep.equal(['featured-story', 'news-widgets.js', 'ru.core']);
    const fetches = frame!.contentWindow!.performance.getEntriesByType('resource').filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'fetch');
    expect(fetches.map((entry) => new URL(entry.name).pathname)).to.deep.equal([]);
  });

  it('a lazy <featured-story> far down the page: its code loads, its feed waits for the viewport', async () => {
    const loaded = await scriptsLoadedBy('/test/fixtures/pages/featured-lazy.html', (page) => page.defaultView!.customElements.get('featured-story') !== undefined);
    expect(loaded, 'its words, not its feed').to.deep.equal(['featured-story', 'news-widgets.js', 'ru.core']);
    const page = frame!.contentDocument!;
    expect(frame!.contentWindow!.performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/municipal.ru.json'))).to.have.length(0);
    page.querySelector('featured-story')!.scrollIntoView();
    const started = performance.now();
    while (!shadowParts(page, 'featured-story', 'title')[0]?.textContent) {
      if (performance.now() - started > 8000) throw new Error('the lazy story did not render after scrolling to it');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(frame!.contentWindow!.performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/municipal.ru.json'))).to.have.length(1);
  });

  it("fetches <featured-story>'s code only when a story enters the page, and then renders it", async () => {
    const loaded = await scriptsLoadedBy('/test/fixtures/pages/story-added-later.html', (page) => shadowParts(page, 'recent-posts', 'item').length > 0);
    expect(loaded, 'no story on the page: no story code').to.deep.equal(['news-widgets.js', 'ru.core']);
    const page = frame!.contentDocument!;
    expect(frame!.contentWindow!.customElements.get('featured-story')).to.equal(undefined);
    // Added the way a CMS script or a framework would: created, given a feed, then inserted deep in the page.
    // It also names a `src`, which its `feed` overrides: the entry must not prefetch that address.
    const story = page.createElement('featured-story') as HTMLElement & { feed?: unknown };
    story.setAttribute('src', '/test/fixtures/feeds/overridden-by-feed.json');
    story.feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Сюжет дня', content_text: 'Текст.', date_published: new Date().toISOString() }] };
    const wrapper = page.createElement('section');
    wrapper.append(story);
    page.getElementById('later')!.append(wrapper);
    const started = performance.now();
    while (!shadowParts(page, 'featured-story', 'title')[0]?.textContent?.includes('Сюжет дня')) {
      if (performance.now() - started > 8000) throw new Error('the story added later did not render');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const events = (frame!.contentWindow as unknown as { pageEvents: string[] }).pageEvents;
    expect(events, 'the src its feed overrides is never requested').to.deep.equal([
      'define recent-posts',
      'fetch /test/fixtures/feeds/municipal.ru.json',
      'define featured-story',
    ]);
  });

  it('the classic bundle: the widgets in one file, and only the Russian words and (for the HTML body) the sanitizer fetched beside it', async () => {
    const loaded = await scriptsLoadedBy(
      '/test/fixtures/pages/classic-bundle.html',
      (page) => shadowParts(page, 'recent-posts', 'item').length > 0 && (shadowParts(page, 'featured-story', 'body')[0]?.querySelector('blockquote') ?? null) !== null,
    );
    expect(loaded).to.deep.equal(['news-widgets.iife.js', 'ru.core', 'sanitize-html']);
    const page = frame!.contentDocument!;
    // In Russian, not in the English the bundle carries.
    expect(page.querySelector('recent-posts')!.shadowRoot!.querySelector('time')!.textContent).to.match(/назад|вчера|\d{4}|[а-я]/);
  });

  it('the classic bundle with an RSS feed in windows-1251: the charset decoder fetched beside it (the RSS/Atom reader is in the bundle), the Russian read right', async () => {
    const loaded = await scriptsLoadedBy('/test/fixtures/pages/classic-rss.html', (page) => shadowParts(page, 'recent-posts', 'item').length > 0);
    expect(loaded).to.deep.equal(['decode', 'news-widgets.iife.js', 'ru.core']);
    expect(shadowParts(frame!.contentDocument!, 'recent-posts', 'title')[0]!.textContent!.trim()).to.equal('Ремонт моста через Ельцовку завершён досрочно');
  });

  it('the classic bundle with a WordPress feed: the WordPress reader fetched beside it, and its entities and dates read', async () => {
    const loaded = await scriptsLoadedBy('/test/fixtures/pages/classic-wordpress.html', (page) => shadowParts(page, 'recent-posts', 'item').length > 0);
    expect(loaded).to.deep.equal(['classic-wordpress', 'news-widgets.iife.js', 'ru.core']);
    const page = frame!.contentDocument!;
    // Newest first: the protected post of 4 May, its markup and entities read as text.
    expect([...shadowParts(page, 'recent-posts', 'title')].map((title) => title.textContent!.trim()).slice(0, 2)).to.deep.equal([
      'Защищено: Протокол заседания\u00a0№\u00a05', // &nbsp; is a no-break space
      'Мэр ответил на “вопросы” жителей — итоги прямой линии',
    ]);
    expect(page.querySelector('recent-posts')!.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-05-04T02:15:00.000Z');
  });

  it('the classic bundle on an old windows-1251 page, served without a charset: its own characters read right (the "…" of excerpts)', async () => {
    await scriptsLoadedBy('/test-api/cp1251-page', (page) => shadowParts(page, 'recent-posts', 'excerpt').length > 0);
    const page = frame!.contentDocument!;
    expect(page.characterSet, 'the page is decoded as windows-1251').to.equal('windows-1251');
    const excerpts = [...shadowParts(page, 'recent-posts', 'excerpt')].map((excerpt) => excerpt.textContent!.trim());
    expect(excerpts.filter((excerpt) => excerpt.endsWith('…')), 'excerpts cut with "…"').to.not.be.empty;
    expect(excerpts.join('\n')).to.not.match(/вЂ|Ð|Ñ/);
  });

  describe('with the classic bundle on the same page too (an old CMS template includes both): one feed store for both', () => {
    /** The page's record (record-page-events.js): its events, and which build defined each element. */
    const pageWindow = () => frame!.contentWindow as Window & { pageEvents: string[]; definedBy: Record<string, 'classic' | 'module'> };
    const definedBy = () => pageWindow().definedBy;
    const storyChunkLoaded = (page: Document) => page.defaultView!.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/chunks/featured-story-'));
    const feed = '/test/fixtures/feeds/municipal.ru.json';

    it('the module build first: it defines <recent-posts>, the classic bundle <featured-story>, and their feed is requested once', async () => {
      await scriptsLoadedBy(
        `/test-api/two-builds/${Math.random().toString(36).slice(2)}/page.html?first=module&src=${feed}`,
        // Until the module build's story chunk has come too (late, after the classic bundle defined the element).
        (page) => shadowParts(page, 'recent-posts', 'item').length > 0 && !!shadowParts(page, 'featured-story', 'title')[0]?.textContent && storyChunkLoaded(page),
      );
      expect(definedBy()).to.deep.equal({ 'recent-posts': 'module', 'featured-story': 'classic' });
      expect(pageWindow().pageEvents).to.deep.equal(['define recent-posts', `fetch ${feed}`, 'define featured-story']);
      expect(shadowParts(frame!.contentDocument!, 'featured-story', 'title')[0]!.textContent).to.contain('В Тестовске открыли новый мост');
    });

    it('the classic bundle first: it defines both elements, and the module build after it requests nothing more', async () => {
      await scriptsLoadedBy(
        `/test-api/two-builds/${Math.random().toString(36).slice(2)}/page.html?first=classic&src=${feed}`,
        (page) => shadowParts(page, 'recent-posts', 'item').length > 0 && !!shadowParts(page, 'featured-story', 'title')[0]?.textContent,
      );
      expect(definedBy()).to.deep.equal({ 'recent-posts': 'classic', 'featured-story': 'classic' });
      expect(pageWindow().pageEvents.filter((event) => event.startsWith('fetch'))).to.deep.equal([`fetch ${feed}`]);
    });

    it("an error from one request, made by the module build's store, is shown in Russian by the classic bundle's <featured-story> too", async () => {
      const name = `two-builds-${Math.random().toString(36).slice(2)}`;
      // Answered late, so that both elements wait for this one request (a widget that comes after an error asks again).
      const src = `/test-api/sequence/${name}?fail=1,2,3&delay=500`;
      await scriptsLoadedBy(
        `/test-api/two-builds/${name}/page.html?first=module&src=${encodeURIComponent(src)}`,
        (page) => shadowParts(page, 'recent-posts', 'error-detail').length > 0 && shadowParts(page, 'featured-story', 'error-detail').length > 0,
      );
      expect(definedBy()).to.deep.equal({ 'recent-posts': 'module', 'featured-story': 'classic' });
      const details = ['recent-posts', 'featured-story'].map((tag) => shadowParts(frame!.contentDocument!, tag, 'error-detail')[0]!.textContent);
      expect(details).to.deep.equal(['Сервер новостей ответил ошибкой 503.', 'Сервер новостей ответил ошибкой 503.']); // ru.json errorHttp
      expect((await (await fetch(`/test-api/stats/${name}`)).json()).requests).to.equal(1);
    });
  });

  describe('when the CDN fails to deliver a chunk', () => {
    it('the sanitizer: the story is shown all the same, with the text of its HTML body, and no error', async () => {
      await scriptsLoadedBy('/test-api/without-chunk/sanitize-html/page.html?element=featured-story&feed=feeds/municipal.ru.json', (page) =>
        Boolean(shadowParts(page, 'featured-story', 'body')[0]?.textContent?.trim() || shadowParts(page, 'featured-story', 'error').length),
      );
      const page = frame!.contentDocument!;
      expect(shadowParts(page, 'featured-story', 'error'), 'no error state').to.have.length(0);
      expect(shadowParts(page, 'featured-story', 'title')[0]!.textContent).to.contain('В Тестовске открыли новый мост');
      const body = shadowParts(page, 'featured-story', 'body')[0]!;
      expect(body.textContent).to.contain('Движение по мосту открыто в среду');
      expect(body.querySelector('strong, blockquote'), 'text, never unsanitized HTML').to.equal(null);
    });

    it("a feed reader: the error says the server could not be reached, not that the address has no feed", async () => {
      await scriptsLoadedBy('/test-api/without-chunk/markup-feed/page.html?element=recent-posts&feed=feeds/xml/rich.rss.xml', (page) => shadowParts(page, 'recent-posts', 'error-detail').length > 0);
      const detail = shadowParts(frame!.contentDocument!, 'recent-posts', 'error-detail')[0]!.textContent!;
      expect(detail).to.contain('Сервер новостей недоступен'); // ru.json errorNetwork
      expect(detail).to.not.contain('нет ленты'); // ru.json errorFormat
    });
  });
});
