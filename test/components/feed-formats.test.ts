import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { FeaturedStoryElement, RecentPostsElement } from '../../src/index.js';
import { fixtureWithNews, loadedFixture, part, parts, texts } from '../helpers.js';

const titles = (element: HTMLElement) => texts(parts(element, 'title'));

describe('feed formats through the elements', () => {
  it('reads a WordPress REST posts list, featuring the sticky post', async () => {
    const src = '/test/fixtures/feeds/wordpress/posts-embed.json';
    const story = await fixtureWithNews<FeaturedStoryElement>(html`<featured-story lang="ru" src=${src}></featured-story>`);
    expect(part(story, 'title')!.textContent!.trim()).to.equal('«Бессмертный полк» пройдёт 9\u00a0мая');
    const posts = await fixtureWithNews<RecentPostsElement>(html`<recent-posts lang="ru" src=${src}></recent-posts>`);
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
      const posts = await fixtureWithNews<RecentPostsElement>(html`<recent-posts lang="ru" src=${src}></recent-posts>`);
      expect(parts(posts, 'item').length).to.be.greaterThan(0);
      for (const title of titles(posts)) expect(title).to.match(/[а-яё]/i);
      expect(titles(posts).join(' ')).to.not.match(/[\u0400-\u04ff]{0}[ÐÑ]|\uFFFD/);
      expect(part(posts, 'error')).to.equal(null);
    });
  }

  it('reads Atom, resolving links against xml:base', async () => {
    const posts = await fixtureWithNews<RecentPostsElement>(html`<recent-posts lang="en" src="/test/fixtures/feeds/xml/xml-base.atom.xml"></recent-posts>`);
    const links = parts(posts, 'link') as HTMLAnchorElement[];
    expect(links.length).to.be.greaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).to.match(/^https?:\/\//);
  });

  it('shows a Yandex.News feed\'s yandex:full-text as the featured story\'s paragraphs, its description as the excerpt', async () => {
    const src = '/test/fixtures/feeds/xml/yandex-news.rss.xml';
    const story = await fixtureWithNews<FeaturedStoryElement>(html`<featured-story lang="ru" src=${src}></featured-story>`);
    expect(part(story, 'title')!.textContent!.trim()).to.equal('В Заречном отремонтируют мост через Сылву');
    const paragraphs = texts([...part(story, 'body')!.querySelectorAll('p')]);
    expect(paragraphs).to.have.length(4);
    expect(paragraphs[0]).to.match(/^Ремонт моста через реку Сылву .* до конца мая 2027 года\.$/);
    expect(paragraphs[1]).to.equal('Подрядчик «Дорстрой» заменит пролётное строение и перила.');
    expect(paragraphs[3]).to.equal('Пешеходный переход сохранится.');
    expect(part(story, 'author')!.textContent).to.equal('Пресс-служба администрации');
    expect((part(story, 'image') as HTMLImageElement).src).to.equal('https://zarechny.example/upload/iblock/3f2/most.jpg');

    const posts = await fixtureWithNews<RecentPostsElement>(html`<recent-posts lang="ru" src=${src}></recent-posts>`);
    expect(texts(parts(posts, 'excerpt'))).to.deep.equal([
      'Ремонт моста начнётся 1 декабря и продлится до конца мая.',
      'График приёма граждан главой города.',
      '21 ноября с 9:00 до 17:00 не будет холодной воды на улице Садовой.',
    ]);
  });

  it('shows a Yandex Turbo feed\'s turbo:content as the story body, sanitized like content:encoded', async () => {
    const canary = sinon.spy();
    (window as unknown as { newsCanary: () => void }).newsCanary = canary;
    const src = '/test/fixtures/feeds/xml/turbo.rss.xml';
    const school = await fixtureWithNews<FeaturedStoryElement>(html`<featured-story lang="ru" src=${src}></featured-story>`);
    expect(part(school, 'title')!.textContent!.trim()).to.equal('Новая школа откроется в\u00a0сентябре');
    const body = part(school, 'body')!;
    expect(body.querySelector('p')!.textContent).to.match(/^Строительство школы на 550 мест/);
    expect(body.querySelector('figure img')!.getAttribute('src')).to.equal('https://rayon.example/upload/shkola-fasad.jpg');
    // The Turbo header (title, cover, menu) is not repeated in the body.
    expect(body.textContent).not.to.include('Главная');
    expect(body.querySelector('img[src$="shkola-cover.jpg"]')).to.equal(null);

    const yard = await fixtureWithNews<FeaturedStoryElement>(html`<featured-story lang="ru" item-id="https://rayon.example/news/2026/11/19/dvor/" src=${src}></featured-story>`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(part(yard, 'title')!.textContent!.trim()).to.equal('Итоги конкурса «Лучший двор»');
    expect(part(yard, 'body')!.textContent).to.include('Награждение — 25 ноября.');
    expect(canary.called).to.equal(false);
    for (const node of yard.shadowRoot!.querySelectorAll('*')) {
      for (const attribute of node.attributes) {
        expect(attribute.name, node.outerHTML).to.not.match(/^on/i);
        expect(attribute.value, node.outerHTML).to.not.match(/javascript:/i);
      }
    }
    expect(part(yard, 'body')!.querySelector('script, iframe, [style]')).to.equal(null);
  });

  it('shows a feed that uses namespace prefixes it does not declare, not a parse error', async () => {
    const src = '/test/fixtures/feeds/xml/undeclared-prefixes.rss.xml';
    const posts = await fixtureWithNews<RecentPostsElement>(html`<recent-posts lang="ru" src=${src}></recent-posts>`);
    expect(titles(posts)).to.deep.equal(['Сход граждан 5 декабря', 'График вывоза мусора']);
    expect(part(posts, 'error')).to.equal(null);
    const story = await fixtureWithNews<FeaturedStoryElement>(html`<featured-story lang="ru" src=${src}></featured-story>`);
    expect(texts([...part(story, 'body')!.querySelectorAll('p')])).to.deep.equal(['Сход граждан пройдёт 5 декабря в 18:00 в Доме культуры.', 'На повестке: ремонт дороги на улице Лесной.']);
    expect(part(story, 'author')!.textContent).to.equal('Глава поселения');
  });

  it('shows a WordPress feed that PHP printed a notice before', async () => {
    const src = 'https://wp.city.example/wp-json/wp/v2/posts';
    const body = `<br />\n<b>Notice</b>:  Undefined index: x in <b>/var/www/wp-content/plugins/a.php</b> on line <b>12</b><br />\n${JSON.stringify([
      { id: 1, date_gmt: '2026-11-20T07:00:00', link: 'https://wp.city.example/?p=1', title: { rendered: 'Новость после предупреждения' } },
    ])}`;
    const realFetch = window.fetch.bind(window);
    sinon.stub(window, 'fetch').callsFake((input, init) =>
      String(input) == src ? Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json; charset=UTF-8' } })) : realFetch(input, init),
    );
    try {
      const posts = await fixtureWithNews<RecentPostsElement>(html`<recent-posts lang="ru" src=${src}></recent-posts>`);
      expect(titles(posts)).to.deep.equal(['Новость после предупреждения']);
    } finally {
      sinon.restore();
    }
  });

  it('can be told the format instead of detecting it', async () => {
    const posts = await loadedFixture<RecentPostsElement>(
      html`<recent-posts lang="ru" format="rss" src="/test/fixtures/feeds/wordpress/posts-embed.json"></recent-posts>`,
    );
    expect(part(posts, 'error'), 'JSON read as RSS is not a feed').to.not.equal(null);
  });

  it('reads the format attribute case-insensitively, and detects the format past a value it does not know', async () => {
    for (const format of ['RSS', 'Atom', 'xml']) {
      const src = `/test/fixtures/feeds/xml/rdf.rss.xml?format-${format}`;
      const posts = await fixtureWithNews<RecentPostsElement>(html`<recent-posts lang="ru" format=${format} src=${src}></recent-posts>`);
      expect(titles(posts), format).to.deep.equal(['Выставка краеведов', 'Новые книги для детей']);
    }
  });

  it('says so when another origin does not allow this site to read its feed (CORS)', async () => {
    const crossOrigin = new URL('/test/fixtures/feeds/english.json', location.href);
    crossOrigin.hostname = crossOrigin.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${crossOrigin.href}></recent-posts>`);
    expect(part(posts, 'error-detail')!.textContent).to.equal('Сервер новостей недоступен или не разрешает этому сайту читать свою ленту.');
  });
});
