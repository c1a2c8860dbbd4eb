/**
 * Layouts, container queries, slots, heading levels, images and the skeleton that keeps the page
 * below a widget from moving when its feed arrives. Widths are set on a container, never on the
 * viewport: the widgets must follow the width they are given.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { RecentPostsElement, type FeaturedStoryElement } from '../../src/index.js';
import { feedUrl, loadedFixture, part, parts, widgetShows } from '../helpers.js';

const isChromium = navigator.userAgent.includes('Chrome/');

let holdCount = 0;
/** A feed URL whose answer waits until `release()`: the widget stays in its loading state until then. */
function heldFeed(fixtureName: string) {
  const name = `layout-${Date.now()}-${holdCount++}`;
  return {
    url: new URL(`/test-api/hold/${name}?body=feeds/${fixtureName}`, location.href).href,
    release: () => fetch(`/test-api/release/${name}?early=1`),
  };
}

/** Four posts of the layout fixture as cards, 900px wide, loaded. */
const fourCards = () =>
  loadedFixture<RecentPostsElement>(html`<div style="inline-size:900px">
    <recent-posts lang="ru" layout="cards" src=${feedUrl('layout.ru.json')} limit="4"></recent-posts>
  </div>`, 'recent-posts');

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Resolves once `element` has rendered what its feed brought. */
function loadedOf(element: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const done = async () => {
      await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      resolve();
    };
    element.addEventListener('feed-load', done, { once: true });
    element.addEventListener('feed-error', done, { once: true });
  });
}

/**
 * Loads a widget behind a held request in a container `width` px wide with text below it, and
 * reports how far the text moved when the feed arrived, and (in Chromium, the only engine with the
 * Layout Instability API) the layout-shift score of that moment.
 */
async function measureArrival(widget: (src: string) => ReturnType<typeof html>, width: number, fixtureName = 'layout.ru.json') {
  const feed = heldFeed(fixtureName);
  const page = await fixture<HTMLElement>(html`<div style="inline-size:${width}px">
    ${widget(feed.url)}
    <p class="below">Текст под виджетом, который не должен сдвигаться.</p>
  </div>`);
  const element = page.firstElementChild as HTMLElement;
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await nextFrame();
  expect(part(element, 'skeleton'), 'a skeleton while loading').to.exist;
  const below = page.querySelector('.below')!;
  const before = below.getBoundingClientRect().top;
  let shift = 0;
  const observer = isChromium
    ? new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) shift += entry.value;
        }
      })
    : undefined;
  observer?.observe({ type: 'layout-shift' });
  const loaded = loadedOf(element);
  await feed.release();
  await loaded;
  await nextFrame();
  await nextFrame();
  observer?.takeRecords().forEach((entry) => (shift += (entry as PerformanceEntry & { value: number }).value));
  observer?.disconnect();
  return { element, moved: below.getBoundingClientRect().top - before, shift };
}

describe('layouts', () => {
  describe('<recent-posts layout>', () => {
    it('list: titles, excerpts and times, no images', async () => {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('layout.ru.json')} limit="3"></recent-posts>`);
      expect(element.layout).to.equal('list');
      expect(part(element, 'base')!.classList.contains('list')).to.equal(true);
      expect(parts(element, 'item')).to.have.length(3);
      expect(parts(element, 'excerpt')).to.have.length(3);
      expect(parts(element, 'time')).to.have.length(3);
      expect(parts(element, 'image')).to.have.length(0);
    });

    it('compact: titles and times only', async () => {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" layout="compact" src=${feedUrl('layout.ru.json')} limit="4"></recent-posts>`);
      expect(parts(element, 'title')).to.have.length(4);
      expect(parts(element, 'time')).to.have.length(4);
      expect(parts(element, 'excerpt')).to.have.length(0);
      expect(parts(element, 'image')).to.have.length(0);
    });

    it('cards: an image per card, and an empty box of the same shape for a story without one', async () => {
      const element = await fourCards();
      const items = parts(element, 'item');
      expect(items).to.have.length(4);
      expect(items.map((item) => Boolean(item.querySelector('[part~="image"]')))).to.deep.equal([true, true, true, false]);
      const placeholder = items[3]!.querySelector('.image-frame')!;
      expect(placeholder.getAttribute('aria-hidden')).to.equal('true');
      const image = items[0]!.querySelector('[part~="image"]')!;
      expect(Math.round(placeholder.getBoundingClientRect().height)).to.equal(Math.round(image.getBoundingClientRect().height));
      expect(parts(element, 'excerpt')).to.have.length(4);
    });

    it('an unknown layout is a list', async () => {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" layout="carousel" src=${feedUrl('layout.ru.json')} limit="2"></recent-posts>`);
      expect(part(element, 'base')!.classList.contains('list')).to.equal(true);
      expect(parts(element, 'excerpt')).to.have.length(2);
    });

    it('switches layout when the attribute changes', async () => {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('layout.ru.json')} limit="2"></recent-posts>`);
      element.setAttribute('layout', 'compact');
      await element.updateComplete;
      expect(parts(element, 'excerpt')).to.have.length(0);
      element.layout = 'cards';
      await element.updateComplete;
      expect(part(element, 'base')!.classList.contains('cards')).to.equal(true);
      expect(parts(element, 'image')).to.have.length(2);
    });
  });

  describe('container width, not viewport width', () => {
    it('cards: one column in a 280px sidebar, several in a 1200px column', async () => {
      const columns = async (width: number) => {
        const element = await loadedFixture<RecentPostsElement>(html`<div style="inline-size:${width}px">
            <recent-posts lang="ru" layout="cards" src=${feedUrl('layout.ru.json')} limit="6"></recent-posts>
          </div>`, 'recent-posts');
        return new Set(parts(element, 'item').map((item) => Math.round(item.getBoundingClientRect().left))).size;
      };
      expect(await columns(280)).to.equal(1);
      expect(await columns(1200)).to.be.at.least(3);
    });

    it('featured story: the image above the text when narrow, beside it when wide', async () => {
      const place = async (width: number) => {
        const element = await loadedFixture<FeaturedStoryElement>(html`<div style="inline-size:${width}px">
            <featured-story lang="ru" src=${feedUrl('layout.ru.json')}></featured-story>
          </div>`, 'featured-story');
        const image = part(element, 'image')!.getBoundingClientRect();
        const title = part(element, 'title')!.getBoundingClientRect();
        return { beside: image.right <= title.left + 1, above: image.top >= title.bottom - 1 };
      };
      expect(await place(320)).to.deep.equal({ beside: false, above: true });
      expect(await place(1000)).to.deep.equal({ beside: true, above: false });
    });

    it('the image goes to the inline start side in a right-to-left page', async () => {
      const element = await loadedFixture<FeaturedStoryElement>(html`<div style="inline-size:1000px">
          <featured-story lang="ar" src=${feedUrl('layout.ru.json')}></featured-story>
        </div>`, 'featured-story');
      const image = part(element, 'image')!.getBoundingClientRect();
      const title = part(element, 'title')!.getBoundingClientRect();
      expect(image.left).to.be.at.least(title.right - 1);
    });

    for (const layout of ['list', 'cards', 'compact'] as const) {
      it(`${layout}: reflows at 320px (400% zoom of a 1280px screen) without horizontal scrolling`, async () => {
        const element = await loadedFixture<RecentPostsElement>(html`<div style="inline-size:320px">
            <recent-posts lang="ru" layout=${layout} src=${feedUrl('layout.ru.json')} limit="6"></recent-posts>
          </div>`, 'recent-posts');
        const host = element.getBoundingClientRect();
        for (const node of element.shadowRoot!.querySelectorAll('*')) {
          const box = node.getBoundingClientRect();
          if (!box.width) continue;
          expect(box.right, `<${node.localName} part="${node.getAttribute('part')}"> stays inside`).to.be.at.most(host.right + 0.5);
          expect(box.left).to.be.at.least(host.left - 0.5);
        }
        expect(part(element, 'base')!.scrollWidth).to.be.at.most(part(element, 'base')!.clientWidth);
      });
    }

    it('featured story reflows at 320px without horizontal scrolling', async () => {
      const element = await loadedFixture<FeaturedStoryElement>(html`<div style="inline-size:320px">
          <featured-story lang="ru" src=${feedUrl('layout.ru.json')} item-id="layout-5"></featured-story>
        </div>`, 'featured-story');
      const host = element.getBoundingClientRect();
      for (const node of element.shadowRoot!.querySelectorAll('article *')) {
        const box = node.getBoundingClientRect();
        if (box.width) expect(box.right, `<${node.localName}> stays inside`).to.be.at.most(host.right + 0.5);
      }
    });

    it('featured story: the time is the size of the rest of the meta line (--news-small-size), not smaller', async () => {
      const element = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" style="font-size:16px; --news-small-size:0.75em" src=${feedUrl('municipal.ru.json')}></featured-story>`);
      expect(getComputedStyle(part(element, 'meta')!).fontSize).to.equal('12px');
      expect(getComputedStyle(part(element, 'time')!).fontSize).to.equal('12px');
    });

    it('featured story: preformatted text in the body wraps at 320px instead of being cut off', async () => {
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        items: [{ id: 'pre', title: 'Расписание', content_html: '<pre>Маршрут 12: Центральная площадь — Речной вокзал — Новый мост — Северный микрорайон</pre>' }],
      };
      const page = await fixture<HTMLElement>(html`<div style="inline-size:320px"><featured-story lang="ru" .feed=${feed}></featured-story></div>`);
      const element = page.firstElementChild as FeaturedStoryElement;
      await element.updateComplete;
      const body = part(element, 'body')!;
      expect(body.querySelector('pre'), 'the body has its <pre>').to.exist;
      expect(body.scrollWidth, 'nothing hidden beyond the body\'s edge').to.be.at.most(body.clientWidth);
    });
  });

  describe('titles and excerpts are clamped to their lines', () => {
    it('a very long title takes at most --news-title-lines lines, and links stay 24px tall', async () => {
      const element = await loadedFixture<RecentPostsElement>(html`<div style="inline-size:280px; --news-title-lines: 2">
          <recent-posts lang="ru" src=${feedUrl('layout.ru.json')} limit="6"></recent-posts>
        </div>`, 'recent-posts');
      const links = parts(element, 'link');
      const long = links[1]!;
      const lineHeight = parseFloat(getComputedStyle(long).lineHeight);
      expect(long.getBoundingClientRect().height).to.be.at.most(2 * lineHeight + 1);
      expect(long.scrollHeight).to.be.greaterThan(long.clientHeight); // there was more: it was cut
      for (const link of links) {
        const box = link.getBoundingClientRect();
        expect(box.height, `"${link.textContent}" is at least 24px tall`).to.be.at.least(24);
        expect(box.width, `"${link.textContent}" is at least 24px wide`).to.be.at.least(24);
      }
      const excerpt = parts(element, 'excerpt')[1]!;
      expect(excerpt.getBoundingClientRect().height).to.be.at.most(3 * parseFloat(getComputedStyle(excerpt).lineHeight) + 1);
    });
  });

  describe('no layout shift when the feed arrives', () => {
    for (const layout of ['list', 'cards', 'compact']) {
      for (const width of [280, 640, 1100]) {
        it(`recent-posts layout="${layout}" in ${width}px: the text below does not move`, async () => {
          const { moved, shift, element } = await measureArrival(
            (src) => html`<recent-posts lang="ru" layout=${layout} src=${src} limit="6"></recent-posts>`,
            width,
          );
          expect(parts(element, 'item')).to.have.length(6);
          expect(Math.abs(moved), 'the text below moved by').to.be.below(0.5);
          expect(shift, 'layout-shift score').to.be.below(0.01);
        });
      }
    }

    it('recent-posts with a heading-level and other line counts: the text below does not move', async () => {
      const { moved, shift } = await measureArrival(
        (src) => html`<recent-posts lang="ru" heading-level="3" style="--news-title-lines: 1; --news-excerpt-lines: 2; --news-font-size: 18px" src=${src} limit="4"></recent-posts>`,
        400,
      );
      expect(Math.abs(moved)).to.be.below(0.5);
      expect(shift).to.be.below(0.01);
    });

    for (const width of [320, 1000]) {
      it(`featured-story with --news-body-lines in ${width}px: the text below does not move`, async () => {
        const { moved, shift, element } = await measureArrival(
          (src) => html`<featured-story lang="ru" style="--news-body-lines: 4" src=${src}></featured-story>`,
          width,
          'municipal.ru.json',
        );
        expect(part(element, 'title')).to.exist;
        expect(Math.abs(moved), 'the text below moved by').to.be.below(0.5);
        expect(shift).to.be.below(0.01);
      });
    }

    it('featured-story with --news-body-lines and --news-padding: the skeleton is padded too, so nothing below moves', async () => {
      const { moved, element } = await measureArrival(
        // The longest title of the fixture: the story takes all the space the skeleton reserves.
        (src) => html`<featured-story lang="ru" item-id="layout-2" style="--news-body-lines: 4; --news-padding: 1.5em" src=${src}></featured-story>`,
        600,
      );
      expect(part(element, 'title')).to.exist;
      // Unpadded, the skeleton was 2 × 1.5em short; Firefox may still snap the padded boxes apart by half a pixel.
      expect(Math.abs(moved), 'the text below moved by').to.be.at.most(0.5);
    });

    it('featured-story: the skeleton reserves at least the label, a title, the image and some lines', async () => {
      const feed = heldFeed('municipal.ru.json');
      const element = await fixture<FeaturedStoryElement>(html`<featured-story lang="ru" src=${feed.url}></featured-story>`);
      const skeleton = part(element, 'skeleton')!;
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      expect(skeleton.querySelector('.image-frame')!.getBoundingClientRect().height).to.be.greaterThan(50);
      expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
      await feed.release();
    });

    it('images hold their box before they load', async () => {
      const element = await loadedFixture<FeaturedStoryElement>(html`<div style="inline-size:400px">
          <featured-story lang="ru" src=${feedUrl('layout.ru.json')}></featured-story>
        </div>`, 'featured-story');
      const image = part(element, 'image') as HTMLImageElement;
      expect(getComputedStyle(image.parentElement!).aspectRatio).to.match(/16 \/ 9/);
      expect(Math.round(image.getBoundingClientRect().height)).to.equal(Math.round((image.getBoundingClientRect().width * 9) / 16));
      // The same box when the image cannot be loaded at all.
      image.src = '/test-api/status/404';
      await new Promise((resolve) => image.addEventListener('error', resolve, { once: true }));
      expect(Math.round(image.getBoundingClientRect().height)).to.equal(Math.round((image.getBoundingClientRect().width * 9) / 16));
    });
  });

  describe('skeleton', () => {
    it('shows `limit` placeholder posts (at most 20), hidden from screen readers, then the posts', async () => {
      const feed = heldFeed('layout.ru.json');
      const element = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feed.url} limit="4"></recent-posts>`);
      const skeleton = part(element, 'skeleton')!;
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      expect(skeleton.querySelectorAll('li')).to.have.length(4);
      expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
      const status = part(element, 'status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.equal('Загрузка новостей…');
      const loaded = loadedOf(element);
      await feed.release();
      await loaded;
      expect(part(element, 'skeleton')).to.equal(null);

      const many = heldFeed('layout.ru.json');
      const big = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${many.url} limit="500"></recent-posts>`);
      expect(part(big, 'skeleton')!.querySelectorAll('li')).to.have.length(20);
      await many.release();
    });

    it('no skeleton for an inline feed: the posts are there at once', async () => {
      const element = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" .feed=${{ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Один', url: 'https://example.org/1' }] }}></recent-posts>`);
      await element.updateComplete;
      expect(part(element, 'skeleton')).to.equal(null);
      expect(parts(element, 'item')).to.have.length(1);
    });
  });

  describe('heading-level', () => {
    const levels = async (attribute: string | undefined) => {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" heading-level=${attribute ?? ''} src=${feedUrl('layout.ru.json')} limit="2"></recent-posts>`);
      return [part(element, 'heading')!.localName, ...parts(element, 'title').map((title) => title.localName)];
    };

    it('recent-posts: h2 with h3 posts by default; the posts one level below the heading', async () => {
      expect(await levels(undefined)).to.deep.equal(['h2', 'h3', 'h3']);
      expect(await levels('3')).to.deep.equal(['h3', 'h4', 'h4']);
      expect(await levels('1')).to.deep.equal(['h1', 'h2', 'h2']);
      expect(await levels('6')).to.deep.equal(['h6', 'h6', 'h6']);
      expect(await levels('9')).to.deep.equal(['h2', 'h3', 'h3']);
      expect(await levels('two')).to.deep.equal(['h2', 'h3', 'h3']);
    });

    it('featured-story: the title at the level given, h2 by default', async () => {
      const title = async (attribute?: string) => {
        const element = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" heading-level=${attribute ?? ''} src=${feedUrl('layout.ru.json')}></featured-story>`);
        return part(element, 'title')!.localName;
      };
      expect(await title()).to.equal('h2');
      expect(await title('4')).to.equal('h4');
    });

    it('featured-story: the body\'s sub-headings go below the title, keeping their steps', async () => {
      const story = (body: string) => ({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Мост открыт', content_html: body }] });
      const bodyLevels = async (body: string, attribute?: string) => {
        const element = await fixture<FeaturedStoryElement>(html`<featured-story lang="ru" heading-level=${attribute ?? ''} .feed=${story(body)}></featured-story>`);
        await element.updateComplete;
        await expect(element).to.be.accessible();
        return [...part(element, 'body')!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => `${heading.localName} ${heading.textContent}`);
      };
      // A WordPress body's h4 under the h2 title skipped a level; it now follows the title.
      expect(await bodyLevels('<h4 lang="en">Detour</h4><p>Текст.</p>')).to.deep.equal(['h3 Detour']);
      // A body's h2 under a title at h3 outranked the story it is part of.
      expect(await bodyLevels('<h2>Объезд</h2><p>Текст.</p><h3>Автобусы</h3><p>Текст.</p>', '3')).to.deep.equal(['h4 Объезд', 'h5 Автобусы']);
      expect(await bodyLevels('<h2>Объезд</h2><h4>Автобусы</h4>', '5')).to.deep.equal(['h6 Объезд', 'h6 Автобусы']);
      const element = await fixture<FeaturedStoryElement>(html`<featured-story lang="ru" .feed=${story('<h3 dir="rtl" title="t">Объезд</h3>')}></featured-story>`);
      await element.updateComplete;
      const heading = () => part(element, 'body')!.querySelector('h1, h2, h3, h4, h5, h6')!.outerHTML;
      expect(heading(), 'attributes kept').to.equal('<h3 dir="rtl" title="t">Объезд</h3>');
      element.headingLevel = 1;
      await element.updateComplete;
      expect(heading(), 'follows heading-level').to.equal('<h2 dir="rtl" title="t">Объезд</h2>');
    });
  });

  describe('slots', () => {
    it('the heading slot replaces the heading, and the section is no longer labelled by the hidden one', async () => {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('layout.ru.json')} limit="2">
        <h3 slot="heading">Новости района</h3>
      </recent-posts>`);
      const fallback = part(element, 'heading')!;
      expect(fallback.getClientRects().length, 'the default heading is not rendered').to.equal(0);
      expect(element.querySelector('h3')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(part(element, 'base')!.hasAttribute('aria-labelledby')).to.equal(false);
      await expect(element).to.be.accessible();
    });

    it('the footer slot shows its content below the posts, and no box when empty', async () => {
      const empty = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('layout.ru.json')} limit="2"></recent-posts>`);
      expect(part(empty, 'footer')!.hidden).to.equal(true);
      expect(part(empty, 'footer')!.getBoundingClientRect().height).to.equal(0);

      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('layout.ru.json')} limit="2">
        <a slot="footer" href="/news/">Все новости</a>
      </recent-posts>`);
      const footer = part(element, 'footer')!;
      expect(footer.hidden).to.equal(false);
      const link = element.querySelector('a')!;
      expect(link.getBoundingClientRect().top).to.be.at.least(part(element, 'list')!.getBoundingClientRect().bottom);

      // Added later, removed later: the box follows.
      link.remove();
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(part(element, 'footer')!.hidden).to.equal(true);
      const added = Object.assign(document.createElement('a'), { href: '/news/', textContent: 'Архив', slot: 'footer' });
      element.append(added);
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(part(element, 'footer')!.hidden).to.equal(false);
    });

    it('featured-story: the label slot and the footer slot', async () => {
      const element = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" src=${feedUrl('layout.ru.json')}>
        <strong slot="label">Главное</strong>
        <a slot="footer" href="/news/">Все новости</a>
      </featured-story>`);
      expect(part(element, 'label')!.getClientRects().length).to.equal(0);
      expect(element.querySelector('strong')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(part(element, 'footer')!.hidden).to.equal(false);
    });

    it('the element\'s own content is shown until it upgrades, then hidden (slotted content stays)', async () => {
      const tag = `late-posts-${Date.now()}`;
      const page = await fixture<HTMLElement>(html`<div></div>`);
      page.innerHTML = `<${tag} lang="ru" src="${feedUrl('layout.ru.json')}" limit="2">
          <ul class="fallback"><li><a href="/news/1">Первая новость</a></li></ul>
          <a slot="footer" href="/news/">Все новости</a>
        </${tag}>`;
      const element = page.firstElementChild as RecentPostsElement;
      const fallback = element.querySelector('.fallback')!;
      expect(fallback.getBoundingClientRect().height, 'visible before the script runs').to.be.greaterThan(0);
      const loaded = loadedOf(element);
      RecentPostsElement.define(tag);
      await loaded;
      expect(fallback.getClientRects().length, 'hidden once the element renders').to.equal(0);
      expect(element.querySelector('[slot="footer"]')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(parts(element, 'item')).to.have.length(2);
    });
  });

  describe('images', () => {
    it('the featured one eager and first (the likely LCP), decoded asynchronously, decorative (alt="") unless the feed describes it', async () => {
      const element = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" src=${feedUrl('layout.ru.json')}></featured-story>`);
      const image = part(element, 'image') as HTMLImageElement;
      expect(image.getAttribute('loading')).to.equal('eager');
      expect(image.getAttribute('fetchpriority')).to.equal('high');
      expect(image.getAttribute('decoding')).to.equal('async');
      expect(image.getAttribute('alt')).to.equal('');
      expect(image.hasAttribute('srcset')).to.equal(false);
      // The image is not a second link to the story next to the title's.
      expect(image.closest('a')).to.equal(null);
    });

    it('cards\' images lazy, at the default priority', async () => {
      const element = await fourCards();
      const images = parts(element, 'image');
      expect(images).to.have.length(3);
      for (const image of images) {
        expect(image.getAttribute('loading')).to.equal('lazy');
        expect(image.hasAttribute('fetchpriority')).to.equal(false);
        expect(image.getAttribute('decoding')).to.equal('async');
      }
    });

    it('WordPress media sizes become srcset, and alt_text the alt', async () => {
      const posts = [
        {
          id: 7,
          date_gmt: '2026-11-20T09:00:00',
          link: 'https://city.example/?p=7',
          title: { rendered: 'Мост' },
          excerpt: { rendered: '<p>Текст</p>' },
          _embedded: {
            'wp:featuredmedia': [
              {
                id: 70,
                media_type: 'image',
                alt_text: 'Новый мост через реку на рассвете',
                source_url: 'https://city.example/wp-content/uploads/bridge.jpg',
                media_details: {
                  sizes: {
                    thumbnail: { source_url: 'https://city.example/wp-content/uploads/bridge-150x150.jpg', width: 150, height: 150 },
                    medium: { source_url: 'https://city.example/wp-content/uploads/bridge-300x169.jpg', width: 300, height: 169 },
                    large: { source_url: 'https://city.example/wp-content/uploads/bridge-1024x576.jpg', width: 1024, height: 576 },
                    full: { source_url: 'https://city.example/wp-content/uploads/bridge.jpg', width: 1600, height: 900 },
                    broken: { source_url: 'javascript:alert(1)', width: 10 },
                    odd: { source_url: 'https://city.example/a,b.jpg', width: 640 },
                  },
                },
              },
            ],
          },
        },
      ];
      const element = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" layout="cards" .feed=${posts}></recent-posts>`);
      await element.updateComplete;
      const image = part(element, 'image') as HTMLImageElement;
      expect(image.getAttribute('alt')).to.equal('Новый мост через реку на рассвете');
      expect(image.getAttribute('srcset')).to.equal(
        'https://city.example/wp-content/uploads/bridge-150x150.jpg 150w, https://city.example/wp-content/uploads/bridge-300x169.jpg 300w, ' +
          'https://city.example/a%2Cb.jpg 640w, https://city.example/wp-content/uploads/bridge-1024x576.jpg 1024w, https://city.example/wp-content/uploads/bridge.jpg 1600w',
      );
      expect(image.getAttribute('sizes')).to.match(/^auto, /);
    });
  });
});

describe('long lists', () => {
  const feedOf = (count: number) => ({
    version: 'https://jsonfeed.org/version/1.1',
    items: Array.from({ length: count }, (_, index) => ({
      id: `${index}`,
      url: `https://example.org/${index}`,
      // Titles and excerpts of every length, so some fill their budget and some do not.
      title: `Новость ${index}: ${'в городе открыли новый сквер '.repeat(1 + (index % 5))}`,
      summary: `Жители района ${index} получили сквер. ${'Работы шли всё лето. '.repeat(index % 9)}`,
      date_published: new Date(Date.now() - (index + 1) * 3_600_000).toISOString(),
    })),
  });
  const supported = CSS.supports('content-visibility', 'auto');
  const visibleAll = new CSSStyleSheet();
  visibleAll.replaceSync('.post { content-visibility: visible !important; }');

  for (const layout of ['list', 'compact'] as const) {
    for (const width of [320, 900]) {
      it(`${layout} at ${width}px: posts out of view skip rendering, each keeping the exact place it has when rendered`, async () => {
        const page = await fixture<HTMLElement>(html`<div style="inline-size:${width}px">
          <recent-posts lang="ru" limit="60" layout=${layout} .feed=${feedOf(60)}></recent-posts>
          <p class="below">Текст под виджетом.</p>
        </div>`);
        const element = page.querySelector('recent-posts')!;
        await element.updateComplete;
        await nextFrame();
        const items = parts(element, 'item');
        expect(items).to.have.length(60);
        const last = items[59]!;
        if (supported) {
          expect(getComputedStyle(last).contentVisibility).to.equal('auto');
          expect(last.getBoundingClientRect().top, 'the last post is far out of view').to.be.above(innerHeight * 2);
        }
        const tops = () => items.map((item) => item.getBoundingClientRect().top - page.getBoundingClientRect().top);
        const skipped = tops();
        const belowSkipped = page.querySelector('.below')!.getBoundingClientRect().top - page.getBoundingClientRect().top;
        // Every post rendered: nothing may be anywhere else.
        element.shadowRoot!.adoptedStyleSheets = [...element.shadowRoot!.adoptedStyleSheets, visibleAll];
        await nextFrame();
        const rendered = tops();
        skipped.forEach((top, index) => expect(top, `post ${index}`).to.be.closeTo(rendered[index]!, 0.5));
        expect(belowSkipped).to.be.closeTo(page.querySelector('.below')!.getBoundingClientRect().top - page.getBoundingClientRect().top, 0.5);
      });
    }
  }

  it('short lists and cards render whole', async () => {
    const short = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="20" .feed=${feedOf(20)}></recent-posts>`);
    await short.updateComplete;
    expect(getComputedStyle(parts(short, 'item')[19]!).contentVisibility ?? 'visible').to.not.equal('auto');
    const cards = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="60" layout="cards" .feed=${feedOf(60)}></recent-posts>`);
    await cards.updateComplete;
    expect(getComputedStyle(parts(cards, 'item')[59]!).contentVisibility ?? 'visible').to.not.equal('auto');
  });
});

describe('inside an old CMS content area', () => {
  // What CMS templates set on their article text: a first-line indent (Russian typography), justified
  // text, no wrapping (a <td nowrap>), capitals, spacing, italics, bold. All of it is inherited.
  const contentArea =
    'text-indent:3em; text-align:justify; white-space:nowrap; text-transform:uppercase; letter-spacing:4px; word-spacing:12px; font-style:italic; font-weight:700; text-shadow:1px 1px red; inline-size:400px';

  it("does not inherit the page's paragraph styling into its titles, excerpts and times", async () => {
    const page = await fixture<HTMLElement>(html`<div style=${contentArea}>
      <recent-posts lang="ru" limit="2" src=${feedUrl('municipal.ru.json')}></recent-posts>
      <featured-story lang="ru" src=${feedUrl('municipal.ru.json')}></featured-story>
    </div>`);
    const list = page.querySelector<RecentPostsElement>('recent-posts')!;
    const story = page.querySelector<FeaturedStoryElement>('featured-story')!;
    await Promise.all([list.updateComplete, story.updateComplete]);
    await widgetShows(list, () => parts(list, 'excerpt').length > 0, 'the excerpts');
    await widgetShows(story, () => !!part(story, 'body'), 'the story body');
    const shown = [...parts(list, 'title'), ...parts(list, 'excerpt'), ...parts(list, 'time'), part(story, 'title')!, part(story, 'body')!];
    for (const element of shown) {
      const style = getComputedStyle(element);
      const name = element.getAttribute('part');
      expect(style.textIndent, `${name}: text-indent`).to.equal('0px');
      expect(style.textAlign, `${name}: text-align`).to.be.oneOf(['start', 'left']);
      if (name != 'time') expect(style.whiteSpace, `${name}: white-space`).to.equal('normal'); // times never wrap, by design
      expect(style.textTransform, `${name}: text-transform`).to.equal('none');
      expect(style.letterSpacing, `${name}: letter-spacing`).to.be.oneOf(['normal', '0px']);
      expect(style.wordSpacing, `${name}: word-spacing`).to.equal('0px');
      expect(style.fontStyle, `${name}: font-style`).to.equal('normal');
      expect(style.textShadow, `${name}: text-shadow`).to.equal('none');
    }
    for (const excerpt of parts(list, 'excerpt')) expect(getComputedStyle(excerpt).fontWeight, 'excerpt weight').to.equal('400');
  });

  it('still takes what the page sets on the element itself', async () => {
    const element = await loadedFixture<RecentPostsElement>(
      html`<recent-posts lang="ru" limit="1" style="text-align:center; text-transform:uppercase" src=${feedUrl('municipal.ru.json')}></recent-posts>`,
    );
    const excerpt = getComputedStyle(part(element, 'excerpt')!);
    expect(excerpt.textAlign).to.equal('center');
    expect(excerpt.textTransform).to.equal('uppercase');
  });
});

describe('in a box that takes its width from its content (a table cell without a width, a float, an inline-block, a flex item)', () => {
  // The widget asks for 30em where its box is sized by its content (16px here: 480px), and takes no
  // more than there is. When the size container was :host, it asked for nothing: 32px in a table cell.
  const widgets = {
    'recent-posts': (src: string, style = '') => html`<recent-posts lang="ru" limit="1" style="font-size:16px; ${style}" src=${src}></recent-posts>`,
    'featured-story': (src: string, style = '') => html`<featured-story lang="ru" style="font-size:16px; ${style}" src=${src}></featured-story>`,
  };
  const boxes = {
    'a table cell': (widget: unknown) => html`<table><tbody><tr><td>${widget}<p>коротко</p></td></tr></tbody></table>`,
    'a float': (widget: unknown) => html`<div style="float:left">${widget}<p>коротко</p></div>`,
    'an inline-block': (widget: unknown) => html`<div style="display:inline-block">${widget}<p>коротко</p></div>`,
    'a flex item': (widget: unknown) => html`<div style="display:flex; gap:1em">${widget}<p>коротко</p></div>`,
    'an auto grid column': (widget: unknown) => html`<div style="display:grid; grid-template-columns:auto 1fr">${widget}<p>коротко</p></div>`,
  };
  for (const [name, widget] of Object.entries(widgets)) {
    for (const [box, inBox] of Object.entries(boxes)) {
      it(`<${name}> in ${box} with room is 30em wide, loading and loaded`, async () => {
        const held = heldFeed('municipal.ru.json');
        const page = await fixture<HTMLElement>(html`<div style="inline-size:900px">${inBox(widget(held.url))}</div>`);
        const element = page.querySelector<RecentPostsElement | FeaturedStoryElement>(name)!;
        await element.updateComplete;
        expect(element.getBoundingClientRect().width, 'loading').to.be.closeTo(480, 1);
        const loaded = loadedOf(element);
        await held.release();
        await loaded;
        expect(element.getBoundingClientRect().width, 'loaded').to.be.closeTo(480, 1);
        expect(part(element, 'title')!.getBoundingClientRect().width).to.be.greaterThan(200);
      });
    }

    it(`<${name}> in a narrow box sized by its content takes its width, and widens no fixed-width table`, async () => {
      const held = [heldFeed('municipal.ru.json'), heldFeed('municipal.ru.json')];
      const page = await fixture<HTMLElement>(html`<div>
        <div style="inline-size:200px"><div style="float:left">${widget(held[0].url)}</div></div>
        <table style="inline-size:200px; table-layout:auto; border-spacing:0"><tbody><tr><td style="padding:0">${widget(held[1].url)}</td></tr></tbody></table>
      </div>`);
      const [inFloat, inTable] = page.querySelectorAll<RecentPostsElement | FeaturedStoryElement>(name);
      const loaded = Promise.all([loadedOf(inFloat), loadedOf(inTable)]);
      await Promise.all(held.map((feed) => feed.release()));
      await loaded;
      expect(inFloat.getBoundingClientRect().width).to.be.closeTo(200, 1);
      expect(page.querySelector('table')!.getBoundingClientRect().width).to.be.closeTo(200, 1);
      expect(inTable.getBoundingClientRect().width).to.be.closeTo(200, 1);
    });
  }

  it('width set by the page wins over the 30em it asks for', async () => {
    const held = heldFeed('municipal.ru.json');
    const page = await fixture<HTMLElement>(html`<div style="inline-size:900px"><div style="float:left">${widgets['recent-posts'](held.url, 'inline-size:600px')}</div></div>`);
    const element = page.querySelector<RecentPostsElement>('recent-posts')!;
    const loaded = loadedOf(element);
    await held.release();
    await loaded;
    expect(element.getBoundingClientRect().width).to.be.closeTo(600, 1);
  });
});
