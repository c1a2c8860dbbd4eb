import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { FeaturedStoryElement } from '../../src/index.js';
import { feedEvent, feedUrl, fixtureNow, loadedFixture, part, texts } from '../helpers.js';

describe('<featured-story>', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  const loaded = (template: ReturnType<typeof html>) => loadedFixture<FeaturedStoryElement>(template);

  describe('with a Russian feed', () => {
    let element: FeaturedStoryElement;
    beforeEach(async () => {
      clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
      element = await loaded(html`<featured-story lang="ru" src=${feedUrl('municipal.ru.json')}></featured-story>`);
    });

    it('is accessible', async () => {
      await expect(element).to.be.accessible();
    });

    it('is one article with the label, the linked title, the image and the whole body', () => {
      const article = part(element, 'base')!;
      expect(article.tagName).to.equal('ARTICLE');
      expect(part(element, 'label')!.textContent).to.equal('Тема дня');
      const title = part(element, 'title')!;
      expect(title.tagName).to.equal('H2');
      expect(title.textContent!.trim()).to.equal('В Тестовске открыли новый мост через реку');
      expect(title.querySelector('a')!.getAttribute('href')).to.equal(new URL('/test/fixtures/feeds/news/story-1.html', location.href).href);
      const image = part(element, 'image') as HTMLImageElement;
      expect(image.getAttribute('src')).to.equal(new URL('/test/fixtures/feeds/images/bridge.png', location.href).href);
      expect(image.alt).to.equal('');
      const body = part(element, 'body')!;
      expect(body.querySelectorAll('p')).to.have.length(3);
      expect(body.querySelector('blockquote')!.textContent).to.contain('Мост соединил два района города');
      expect(body.querySelector('strong')!.textContent).to.equal('в среду');
      expect(body.textContent).to.contain('3\u00a0450 млн рублей');
    });

    it('shows the source, the author and the time, all in Russian', () => {
      expect(part(element, 'source')!.textContent).to.equal('Администрация города Тестовска');
      expect(part(element, 'source')!.parentElement!.textContent).to.equal('Источник: Администрация города Тестовска');
      expect(part(element, 'author')!.textContent).to.equal('admin');
      expect(part(element, 'author')!.parentElement!.textContent).to.equal('Автор: admin');
      const time = part(element, 'time') as HTMLTimeElement;
      expect(time.textContent).to.equal('3 часа назад');
      expect(time.dateTime).to.equal('2026-11-20T09:00:00.000Z');
      expect(time.title).to.match(/20 ноября 2026/);
    });

    it('fires feed-load with the normalized feed', async () => {
      const again = document.createElement('featured-story');
      again.src = feedUrl('municipal.ru.json');
      const event = feedEvent(again, 'feed-load');
      document.body.append(again);
      const { detail } = await event;
      expect(detail.feed.title).to.equal('Администрация города Тестовска');
      expect(detail.feed.stories[0]!.id).to.equal('story-1');
      again.remove();
    });
  });

  it('features the story named by item-id, else the newest', async () => {
    const element = await loaded(html`<featured-story lang="ru" item-id="story-3" src=${feedUrl('municipal.ru.json')}></featured-story>`);
    expect(part(element, 'title')!.textContent!.trim()).to.equal('Библиотеки продлили часы работы');
    const warn = sinon.stub(console, 'warn');
    try {
      element.itemId = 'no-such-story';
      await element.updateComplete;
      expect(part(element, 'title')!.textContent!.trim()).to.equal('В Тестовске открыли новый мост через реку');
      expect(warn.calledOnce).to.equal(true);
    } finally {
      warn.restore();
    }
  });

  it('passes over a story with neither a title nor text (a photo post) for one that has them; alone, shows it without an empty heading or link', async () => {
    const photo = { id: 'photo', url: 'https://city.example/photo', image: 'https://city.example/photo.jpg', content_html: '<img src="https://city.example/photo.jpg">' };
    const story = { id: 'story', url: 'https://city.example/story', title: 'Мост открыт' };
    const feed = (...items: object[]) => ({ version: 'https://jsonfeed.org/version/1.1', items });
    const element = await loaded(html`<featured-story lang="ru" .feed=${feed({ ...photo, _news_widgets: { featured: true } }, story)}></featured-story>`);
    expect(part(element, 'title')!.textContent!.trim(), 'the newest story that has a title').to.equal('Мост открыт');
    await expect(element).to.be.accessible();
    element.itemId = 'photo';
    await element.updateComplete;
    expect(part(element, 'title')!.textContent!.trim(), 'item-id naming the photo post').to.equal('Мост открыт');
    element.feed = feed(photo);
    await element.updateComplete;
    expect(part(element, 'title'), 'no empty heading').to.equal(null);
    expect(element.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, a:not([href])'), 'no empty heading or link').to.equal(null);
    // The photo is shown once: as the story's image, not again as its body.
    expect([...element.shadowRoot!.querySelectorAll('img')].map((image) => image.getAttribute('src')), 'the photo is shown').to.deep.equal(['https://city.example/photo.jpg']);
    expect(part(element, 'image')!.getAttribute('src')).to.equal('https://city.example/photo.jpg');
    expect(part(element, 'base')!.hasAttribute('aria-labelledby'), 'labelled by no missing heading').to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('shows the summary when nothing of the HTML body survives sanitizing but empty tags (a post that only embeds a video)', async () => {
    const element = await fixture<FeaturedStoryElement>(html`<featured-story lang="en"></featured-story>`);
    const item = {
      id: 'video',
      title: 'Watch the parade',
      summary: 'The parade in pictures.',
      content_html: '\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n<iframe src="https://video.example/embed/1"></iframe>\n</div></figure>\n',
    };
    element.feed = { version: 'https://jsonfeed.org/version/1.1', items: [item] };
    await feedEvent(element, 'feed-load');
    await element.updateComplete;
    expect(texts([...part(element, 'body')!.querySelectorAll('p')])).to.deep.equal(['The parade in pictures.']);
    // A body with only an image is shown as it is.
    element.feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ ...item, content_html: '<figure><img src="https://example.org/parade.jpg"></figure>' }] };
    await feedEvent(element, 'feed-load');
    await element.updateComplete;
    expect(part(element, 'body')!.querySelector('img')!.getAttribute('src')).to.equal('https://example.org/parade.jpg');
    expect(part(element, 'body')!.querySelector('p')).to.equal(null);
  });

  it("does not show the story's image a second time in its body, nor the paragraph, link or figure it leaves empty", async () => {
    const element = await fixture<FeaturedStoryElement>(html`<featured-story lang="en"></featured-story>`);
    const item = {
      id: 'bridge',
      url: 'https://city.example/news/bridge/',
      title: 'The bridge is open',
      summary: 'Traffic flows again.',
      image: 'https://city.example/img/bridge.jpg',
      // The same picture, written relative to the story's page, linked to itself, as CMSs print it.
      content_html:
        '<p><a href="/img/bridge.jpg"><img src="../../img/bridge.jpg" alt="The bridge"></a></p><p>The bridge opened on Wednesday.</p>' +
        '<figure><img src="/img/bridge.jpg"><figcaption>Photo: city press office</figcaption></figure><p>Before: <img src="/img/old.jpg" alt="The old bridge"></p>',
    };
    element.feed = { version: 'https://jsonfeed.org/version/1.1', items: [item] };
    await feedEvent(element, 'feed-load');
    await element.updateComplete;
    expect(part(element, 'image')!.getAttribute('src'), 'shown once, as the story image').to.equal('https://city.example/img/bridge.jpg');
    const body = part(element, 'body')!;
    expect([...body.querySelectorAll('img')].map((image) => image.getAttribute('src')), 'other pictures stay').to.deep.equal(['https://city.example/img/old.jpg']);
    expect([...body.children].map((child) => `${child.localName}: ${child.textContent!.trim()}`)).to.deep.equal([
      'p: The bridge opened on Wednesday.',
      'figure: Photo: city press office', // its caption still says something
      'p: Before:',
    ]);
    // A body that was only the picture (an RSS description whose image became the story's) leaves the summary.
    element.feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ ...item, content_html: '<p><img src="https://city.example/img/bridge.jpg"></p>' }] };
    await feedEvent(element, 'feed-load');
    await element.updateComplete;
    expect(part(element, 'body')!.querySelector('img')).to.equal(null);
    expect(texts([...part(element, 'body')!.querySelectorAll('p')])).to.deep.equal(['Traffic flows again.']);
    await expect(element).to.be.accessible();
  });

  it('shows a text-only story as paragraphs, in English on an English page, with a list of authors', async () => {
    const element = await loaded(html`<featured-story lang="en" src=${feedUrl('english.json')}></featured-story>`);
    expect(part(element, 'label')!.textContent).to.equal('Story of the day');
    expect(texts([...part(element, 'body')!.querySelectorAll('p')])).to.deep.equal(['The bridge opened on Wednesday.', 'Traffic flows in both directions.']);
    expect(part(element, 'author')!.parentElement!.textContent).to.equal('By Press office');
    expect(part(element, 'title')!.hasAttribute('lang')).to.equal(false, 'the story is in the UI language');
    await expect(element).to.be.accessible();
  });

  it('marks a story in another language with its lang', async () => {
    const element = await loaded(html`<featured-story lang="ru" src=${feedUrl('english.json')}></featured-story>`);
    expect(part(element, 'label')!.textContent).to.equal('Тема дня');
    expect(part(element, 'title')!.lang).to.equal('en');
    expect(part(element, 'body')!.lang).to.equal('en');
  });

  it('renders hostile HTML inert: no script runs, no handler or javascript: URL survives', async () => {
    const canary = sinon.spy();
    (window as unknown as { newsCanary: () => void }).newsCanary = canary;
    const element = document.createElement('featured-story');
    element.feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        {
          id: 'x',
          title: '<img src=x onerror=newsCanary()>',
          url: 'javascript:newsCanary()',
          content_html:
            '<p>Текст<script>newsCanary()</script></p><img src="x" onerror="newsCanary()"><a href="javascript:newsCanary()">ссылка</a>' +
            '<svg><script>newsCanary()</script></svg><iframe src="javascript:newsCanary()"></iframe><p style="color:red" onclick="newsCanary()">стиль</p>' +
            '<form><input></form><a href="https://example.org/ok">ok</a>',
        },
      ],
    };
    document.body.append(element);
    await feedEvent(element, 'feed-load');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const root = element.shadowRoot!;
    expect(canary.called).to.equal(false);
    expect(part(element, 'title')!.textContent!.trim()).to.equal('<img src=x onerror=newsCanary()>');
    expect(part(element, 'title')!.querySelector('a')).to.equal(null, 'a javascript: URL is not linked');
    for (const node of root.querySelectorAll('*')) {
      for (const attribute of node.attributes) {
        expect(attribute.name, node.outerHTML).to.not.match(/^on/i);
        expect(attribute.value, node.outerHTML).to.not.match(/javascript:/i);
      }
    }
    const body = part(element, 'body')!;
    expect(body.querySelector('script, svg, iframe, form, input, [style]')).to.equal(null);
    expect(body.querySelector('a[href="https://example.org/ok"]')!.getAttribute('rel')).to.equal('noopener noreferrer');
    element.remove();
  });

  it('proves the canary would fire on unsanitized input', async () => {
    const canary = sinon.spy();
    (window as unknown as { newsCanary: () => void }).newsCanary = canary;
    const container = document.createElement('div');
    container.innerHTML = '<img src="data:," onerror="newsCanary()">';
    document.body.append(container);
    await new Promise((resolve) => setTimeout(resolve, 200));
    container.remove();
    expect(canary.called).to.equal(true);
  });
});
