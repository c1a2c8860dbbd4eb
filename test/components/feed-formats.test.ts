import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import type { FeaturedStoryElement, RecentPostsElement } from '../../src/index.js';
import { loadedFixture, part, parts, texts } from '../helpers.js';

const titles = (element: HTMLElement) => texts(parts(element, 'title'));

describe('feed formats through the elements', () => {
  it('reads a WordPress REST posts list, featuring the sticky post', async () => {
    const src = '/test/fixtures/feeds/wordpress/posts-embed.json';
    const story = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" src=${src}></featured-story>`);
    expect(part(story, 'title')!.textContent!.trim()).to.equal('«Бессмертный полк» пройдёт 9\u00a0мая');
    const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${src}></recent-posts>`);
    expect(titles(posts)).to.include('Мэр ответил на “вопросы” жителей — итоги прямой линии');
    for (const title of titles(posts)) expect(title).to.not.match(/&#?\w+;|<\/?\w/);
    await expect(posts).to.be.accessible();
  });

  for (const [type, why] of [
    ['application/rss+xml', 'by its XML declaration'],
    ['text/xml; charset=windows-1251', 'by the charset of the HTTP header'],
  ]) {
    it(`reads a windows-1251 RSS feed ${why}`, async () => {
      const src = `/test-api/raw?body=feeds/xml/windows-1251.rss.xml&type=${encodeURIComponent(type)}`;
      const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${src}></recent-posts>`);
      expect(parts(posts, 'item').length).to.be.greaterThan(0);
      for (const title of titles(posts)) expect(title).to.match(/[а-яё]/i);
      expect(titles(posts).join(' ')).to.not.match(/[\u0400-\u04ff]{0}[ÐÑ]|\uFFFD/);
      expect(part(posts, 'error')).to.equal(null);
    });
  }

  it('reads Atom, resolving links against xml:base', async () => {
    const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="en" src="/test/fixtures/feeds/xml/xml-base.atom.xml"></recent-posts>`);
    const links = parts(posts, 'link') as HTMLAnchorElement[];
    expect(links.length).to.be.greaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).to.match(/^https?:\/\//);
  });

  it('can be told the format instead of detecting it', async () => {
    const posts = await loadedFixture<RecentPostsElement>(
      html`<recent-posts lang="ru" format="rss" src="/test/fixtures/feeds/wordpress/posts-embed.json"></recent-posts>`,
    );
    expect(part(posts, 'error'), 'JSON read as RSS is not a feed').to.not.equal(null);
  });

  it('says so when another origin does not allow this site to read its feed (CORS)', async () => {
    const crossOrigin = new URL('/test/fixtures/feeds/english.json', location.href);
    crossOrigin.hostname = crossOrigin.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${crossOrigin.href}></recent-posts>`);
    expect(part(posts, 'error-detail')!.textContent).to.equal('Сервер новостей недоступен или не разрешает этому сайту читать свою ленту.');
  });
});
