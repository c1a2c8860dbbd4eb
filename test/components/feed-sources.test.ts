import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { FeaturedStoryElement, RecentPostsElement } from '../../src/index.js';
import { feedEvent, feedUrl, loadedFixture, part, parts, texts, widgetShows } from '../helpers.js';

const titles = (element: HTMLElement) => texts(parts(element, 'title'));

describe('choosing and reading feeds', () => {
  afterEach(() => sinon.restore());

  it('shows only stories carrying one of the tags, compared case-insensitively', async () => {
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" tags="Транспорт, школы" src=${feedUrl('tagged.json')}></recent-posts>`);
    expect(titles(element)).to.deep.equal(['Мост открыт', 'Новый автобусный маршрут', 'Школьная олимпиада']);
    element.tags = 'культура';
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['Выставка в музее']);
    element.tags = '';
    await element.updateComplete;
    expect(parts(element, 'item')).to.have.length(5);
  });

  it('features the story the feed marks, else the newest; item-id and tags choose among them', async () => {
    const story = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" src=${feedUrl('tagged.json')}></featured-story>`);
    expect(part(story, 'title')!.textContent!.trim()).to.equal('Выставка в музее', 'marked with _news_widgets.featured');
    story.tags = 'школы';
    await story.updateComplete;
    expect(part(story, 'title')!.textContent!.trim()).to.equal('Школьная олимпиада');
    story.itemId = 'bus';
    await story.updateComplete;
    expect(part(story, 'title')!.textContent!.trim()).to.equal('Новый автобусный маршрут');
  });

  it('leaves out of recent-posts exclude-featured the story featured from the same src', async () => {
    const src = feedUrl('tagged.json');
    const container = await fixture<HTMLDivElement>(html`<div lang="ru">
      <featured-story src=${src}></featured-story>
      <recent-posts exclude-featured src=${src}></recent-posts>
      <recent-posts src=${src}></recent-posts>
    </div>`);
    const [story, excluding, plain] = [...container.children] as [FeaturedStoryElement, RecentPostsElement, RecentPostsElement];
    await Promise.all([story, excluding, plain].map((element) => (part(element, 'title') ? Promise.resolve() : feedEvent(element, 'feed-load'))));
    await story.updateComplete;
    await excluding.updateComplete;
    expect(titles(plain)).to.include('Выставка в музее');
    expect(titles(excluding)).to.not.include('Выставка в музее');
    expect(parts(excluding, 'item')).to.have.length(5);
    story.itemId = 'bridge';
    await story.updateComplete;
    await excluding.updateComplete;
    expect(titles(excluding)).to.include('Выставка в музее');
    expect(titles(excluding)).to.not.include('Мост открыт');
  });

  it('reads a feed printed into the element instead of fetching it', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Из страницы', url: 'news/1.html' }] };
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src="/not-fetched.json">
      <script type="application/feed+json">${JSON.stringify(feed)}</script>
    </recent-posts>`);
    expect(titles(element)).to.deep.equal(['Из страницы']);
    expect((parts(element, 'link')[0] as HTMLAnchorElement).href).to.equal(new URL('/news/1.html', location.href).href);
    expect(fetchSpy.called).to.equal(false);
  });

  it('resolves relative URLs of a feed given without src against its own feed_url, else against the page', async () => {
    const feed = (extra: Record<string, unknown>) => ({ version: 'https://jsonfeed.org/version/1.1', ...extra, items: [{ id: '1', title: 'Из ленты', url: '2026/most.html' }] });
    const withFeedUrl = feed({ feed_url: 'https://city.example/news/feed.json' });
    const inline = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru">
      <script type="application/feed+json">${JSON.stringify(withFeedUrl)}</script>
    </recent-posts>`);
    expect((parts(inline, 'link')[0] as HTMLAnchorElement).href).to.equal('https://city.example/news/2026/most.html');
    const property = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" .feed=${withFeedUrl}></recent-posts>`);
    expect((parts(property, 'link')[0] as HTMLAnchorElement).href).to.equal('https://city.example/news/2026/most.html');
    const withoutFeedUrl = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" .feed=${feed({})}></recent-posts>`);
    expect((parts(withoutFeedUrl, 'link')[0] as HTMLAnchorElement).href).to.equal(new URL('2026/most.html', document.baseURI).href);
  });

  it('reads a src of only spaces as no src, like src="": no request for the page itself, the empty state or the printed feed', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    for (const tag of ['recent-posts', 'featured-story'] as const) {
      for (const src of ['', ' ', ' \n\t ']) {
        const element = await fixture<RecentPostsElement | FeaturedStoryElement>(
          tag === 'recent-posts' ? html`<recent-posts lang="ru" src=${src}></recent-posts>` : html`<featured-story lang="ru" src=${src}></featured-story>`,
        );
        await element.updateComplete;
        expect(part(element, 'empty'), `<${tag} src=${JSON.stringify(src)}> is empty`).to.exist;
        expect(part(element, 'error'), `<${tag} src=${JSON.stringify(src)}> shows no error`).to.equal(null);
      }
    }
    const feed = { version: 'https://jsonfeed.org/version/1.1', feed_url: 'https://city.example/news/feed.json', items: [{ id: '1', title: 'Из ленты', url: '2026/most.html' }] };
    const inline = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src="  ">
      <script type="application/feed+json">${JSON.stringify(feed)}</script>
    </recent-posts>`);
    expect((parts(inline, 'link')[0] as HTMLAnchorElement).href, 'resolved against feed_url, not the page').to.equal('https://city.example/news/2026/most.html');
    expect(fetchSpy.called, 'nothing fetched').to.equal(false);
  });

  it('maps any JSON shape to stories with a transform function', async () => {
    const element = document.createElement('recent-posts');
    element.lang = 'ru';
    element.transform = (data) =>
      (data as { data: { posts: { slug: string; heading: string }[] } }).data.posts.map((post) => ({ id: post.slug, title: post.heading, url: `/${post.slug}` }));
    element.src = feedUrl('custom-shape.json');
    const loaded = feedEvent(element, 'feed-load');
    document.body.append(element);
    await loaded;
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['Первая', 'Вторая']);
    element.remove();
  });

  it("resolves relative URLs in the body of a story without a link against the feed's URL, not the page's", async () => {
    const src = 'https://news.city.example/feeds/main.json';
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: 'no-link', title: 'Без ссылки', content_html: '<p><a href="/about/">О городе</a> <img src="img/bridge.png" alt="Мост"></p>' }],
    };
    const realFetch = window.fetch.bind(window);
    sinon.stub(window, 'fetch').callsFake((input, init) =>
      String(input) == src ? Promise.resolve(new Response(JSON.stringify(feed), { headers: { 'content-type': 'application/feed+json' } })) : realFetch(input, init),
    );
    const story = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" src=${src}></featured-story>`);
    const body = part(story, 'body')!;
    expect(body.querySelector('a')!.getAttribute('href')).to.equal('https://news.city.example/about/');
    expect(body.querySelector('img')!.getAttribute('src')).to.equal('https://news.city.example/feeds/img/bridge.png');
  });

  it('sends no cookies unless credentials="include"', async () => {
    const realFetch = window.fetch.bind(window);
    const seen: (RequestCredentials | undefined)[] = [];
    sinon.stub(window, 'fetch').callsFake((input, init) => {
      seen.push(init?.credentials);
      return realFetch(input, init);
    });
    await loadedFixture(html`<recent-posts src=${`${feedUrl('english.json')}?credentials-a`}></recent-posts>`);
    await loadedFixture(html`<recent-posts credentials="include" src=${`${feedUrl('english.json')}?credentials-b`}></recent-posts>`);
    expect(seen).to.deep.equal(['omit', 'include']);
  });
});

describe('link-target', () => {
  it('opens story links and body links in a new tab, with noopener noreferrer', async () => {
    const story = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" link-target="_blank" src=${feedUrl('municipal.ru.json')}></featured-story>`);
    const title = part(story, 'link') as HTMLAnchorElement;
    expect([title.target, title.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" link-target="_blank" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    for (const link of parts(posts, 'link') as HTMLAnchorElement[]) expect([link.target, link.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    const body = await loadedFixture<FeaturedStoryElement>(html`<featured-story link-target="_blank" .feed=${{
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', title: 'x', content_html: '<p><a href="https://example.org/more">more</a></p>' }],
    }}></featured-story>`);
    const inBody = part(body, 'body')!.querySelector('a')!;
    expect([inBody.target, inBody.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    const plain = await loadedFixture<RecentPostsElement>(html`<recent-posts src=${feedUrl('english.json')}></recent-posts>`);
    expect((parts(plain, 'link')[0] as HTMLAnchorElement).hasAttribute('target')).to.equal(false);
  });
});

describe('load more', () => {
  it('reveals further posts, then follows next_url, and focuses the first new post', async () => {
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="2" load-more src=${feedUrl('page-1.json')}></recent-posts>`);
    expect(titles(element)).to.deep.equal(['One', 'Two']);
    const button = () => part(element, 'load-more') as HTMLButtonElement | null;
    expect(button()!.textContent!.trim()).to.equal('Показать ещё новости');
    button()!.click();
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(titles(element)).to.deep.equal(['One', 'Two', 'Three']);
    expect(document.activeElement === element, 'focus is inside the widget').to.equal(true);
    expect(element.shadowRoot!.activeElement?.textContent).to.equal('Three');
    expect(button(), 'the feed has a next page').to.not.equal(null);
    button()!.click();
    await widgetShows(element, () => titles(element).length === 5, 'five posts');
    expect(titles(element)).to.deep.equal(['One', 'Two', 'Three', 'Four', 'Five']);
    expect(element.shadowRoot!.activeElement!.textContent).to.equal('Four');
    expect(button(), 'no next page, nothing hidden').to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('says so when the next page cannot be loaded, keeps the posts without calling them out of date, and tries again from the button', async () => {
    const name = `more-fails-${Math.random().toString(36).slice(2)}`;
    const paged = {
      version: 'https://jsonfeed.org/version/1.1',
      next_url: `/test-api/sequence/${name}?bodies=feeds/page-2.json,feeds/page-2.json&fail=1`,
      items: [{ id: 'p1', title: 'Один', url: '/1', date_published: '2026-11-20T10:00:00Z' }],
    };
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="1" load-more .feed=${paged}></recent-posts>`);
    const failed = feedEvent(element, 'feed-error');
    part(element, 'load-more')!.click();
    expect((await failed).detail.error.kind).to.equal('http');
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['Один']);
    expect(part(element, 'more-failed')!.textContent).to.equal('Не удалось загрузить ещё новости.');
    expect(part(element, 'stale'), 'the posts shown are as current as before').to.equal(null);
    await expect(element).to.be.accessible();
    part(element, 'load-more')!.click();
    await widgetShows(element, () => titles(element).length > 1, 'the next page, tried again');
    expect(part(element, 'more-failed'), 'gone once the page came').to.equal(null);
  });

  it('drops a next page that arrives after the source changed: it never lands in the new feed', async () => {
    const name = `stale-more-${Math.random().toString(36).slice(2)}`;
    const paged = {
      version: 'https://jsonfeed.org/version/1.1',
      next_url: `/test-api/hold/${name}?body=feeds/page-2.json`,
      items: [{ id: 'p1', title: 'One', url: '/1', date_published: '2026-11-20T10:00:00Z' }],
    };
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="en" limit="1" load-more .feed=${paged}></recent-posts>`);
    const errors: Event[] = [];
    element.addEventListener('feed-error', (event) => errors.push(event));
    part(element, 'load-more')!.click(); // the one loaded post is shown: this fetches the next page, held by the server
    await widgetShows(element, () => part(element, 'load-more')?.getAttribute('aria-busy') === 'true', 'a busy "more" button');
    const loaded = feedEvent(element, 'feed-load');
    element.feed = undefined;
    element.src = feedUrl('english.json');
    await loaded;
    await fetch(`/test-api/release/${name}?early=1`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    element.limit = 10;
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
    expect(errors).to.deep.equal([]);
  });

  it('follows the Link rel="next" header of a WordPress page', async () => {
    const element = await loadedFixture<RecentPostsElement>(
      html`<recent-posts lang="ru" limit="4" load-more src="/test-api/paged/1?pages=feeds/wordpress/posts-embed.json,feeds/wordpress/posts-plain.json"></recent-posts>`,
    );
    const before = titles(element).length;
    part(element, 'load-more')!.click();
    await widgetShows(element, () => titles(element).length > before, 'the posts of the next page');
    expect(titles(element).length).to.equal(before + 2);
    expect(part(element, 'load-more')).to.equal(null);
  });

  it('finds the next WordPress page by its X-WP-TotalPages header when there is no Link header', async () => {
    const src = 'https://wp.city.example/wp-json/wp/v2/posts?_embed&per_page=1';
    const post = (id: number, day: number) => ({ id, date_gmt: `2026-11-${day}T07:00:00`, link: `https://wp.city.example/?p=${id}`, title: { rendered: `Пост ${id}` } });
    const pages: Record<string, unknown[]> = { [src]: [post(1, 20)], [`${src}&page=2`]: [post(2, 19)] };
    const requested: string[] = [];
    const realFetch = window.fetch.bind(window);
    sinon.stub(window, 'fetch').callsFake((input, init) => {
      const url = String(input);
      if (!url.startsWith('https://wp.city.example/')) return realFetch(input, init);
      requested.push(url);
      // URLSearchParams writes `_embed` as `_embed=`, which WordPress reads the same.
      const body = pages[url.replace('_embed=&', '_embed&')];
      return Promise.resolve(new Response(JSON.stringify(body ?? []), { status: body ? 200 : 400, headers: { 'content-type': 'application/json', 'x-wp-total': '2', 'x-wp-totalpages': '2' } }));
    });
    try {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="1" load-more src=${src}></recent-posts>`);
      expect(titles(element)).to.deep.equal(['Пост 1']);
      part(element, 'load-more')!.click();
      await widgetShows(element, () => titles(element).length > 1, 'the post of the next page');
      expect(titles(element)).to.deep.equal(['Пост 1', 'Пост 2']);
      // The last page says there is none after it.
      expect(part(element, 'load-more')).to.equal(null);
      expect(requested.map((url) => new URL(url).searchParams.get('page'))).to.deep.equal([null, '2']);
    } finally {
      sinon.restore();
    }
  });
});
