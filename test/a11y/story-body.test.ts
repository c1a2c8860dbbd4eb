/**
 * A story's HTML body as feeds really send it: what the sanitizer removes (an <svg> icon, a
 * <script>) can leave a link or a heading with nothing in it, a CMS leaves paragraphs straight in a
 * list or an item without one, and a schedule table is wider than a sidebar. Whatever the body, the
 * story has no axe violation and nothing sticks out of its column. Checked on sanitizeHtml()'s
 * nodes and on a rendered <featured-story> 320px wide.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { FeaturedStoryElement } from '../../src/index.js';
import { loadSanitizer, sanitizeHtml } from '../../src/sanitize/sanitizer.js';
import { part } from '../helpers.js';

const version = 'https://jsonfeed.org/version/1.1';

async function story(contentHtml: string, width = 320): Promise<FeaturedStoryElement> {
  const page = await fixture<HTMLElement>(html`<div style="inline-size:${width}px">
    <featured-story lang="ru" .feed=${{ version, items: [{ id: '1', title: 'Заголовок', url: 'https://example.com/1', content_html: contentHtml, date_published: '2026-11-20T10:00:00Z' }] }}></featured-story>
  </div>`);
  const element = page.querySelector<FeaturedStoryElement>('featured-story')!;
  await element.updateComplete;
  return element;
}

const body = (html: string) => {
  const wrapper = document.createElement('div');
  wrapper.append(sanitizeHtml(html, 'https://example.com/news/1'));
  return wrapper;
};

describe('a story body the sanitizer or a CMS left broken', () => {
  before(() => loadSanitizer());

  it('leaves no link without a name: an emptied link goes, and a linked image without alt text stays unlinked', async () => {
    const html = '<p>Смотрите <a href="https://example.com/"><svg><path d="M0 0"/></svg></a> здесь.</p><a href="https://example.com/full.jpg"><img src="https://example.com/a.jpg"></a><p><a href="https://example.com/b.jpg"><img src="https://example.com/b.jpg" alt="Площадь"></a> <a href="https://example.com/c" title="Карта"><img src="https://example.com/c.jpg"></a> <a href="/d">текст</a></p>';
    const sanitized = body(html);
    expect([...sanitized.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal(['https://example.com/b.jpg', 'https://example.com/c', 'https://example.com/d']);
    expect(sanitized.querySelectorAll('img[src]')).to.have.length(3); // the unlinked image is still shown
    const element = await story(html);
    expect(part(element, 'body')!.querySelectorAll('a')).to.have.length(3);
    await expect(element).to.be.accessible();
  });

  it('leaves no empty heading', async () => {
    const html = '<h2><svg></svg></h2><h3> </h3><p>Текст.</p><h3>Подробности</h3><p>Ещё текст.</p>';
    expect([...body(html).querySelectorAll('h3,h4,h5,h6')].map((heading) => heading.outerHTML)).to.deep.equal(['<h3>Подробности</h3>']);
    await expect(await story(html)).to.be.accessible();
  });

  it('skips no heading level, however the body steps its headings', async () => {
    const html = '<h2>Объезд</h2><p>Текст.</p><h4>Автобусы</h4><p>Текст.</p><h6>Трамваи</h6><h3>Парковка</h3>';
    const levels = (root: ParentNode) => [...root.querySelectorAll('h3,h4,h5,h6')].map((heading) => `${heading.localName} ${heading.textContent}`);
    expect(levels(body(html))).to.deep.equal(['h3 Объезд', 'h4 Автобусы', 'h5 Трамваи', 'h4 Парковка']);
    const element = await story(html);
    expect(levels(part(element, 'body')!)).to.deep.equal(['h3 Объезд', 'h4 Автобусы', 'h5 Трамваи', 'h4 Парковка']);
    await expect(element).to.be.accessible();
  });

  it('mends or drops a language tag a screen reader cannot use', async () => {
    const html = '<p lang="ru_RU">Текст.</p><p lang="english">Text.</p><p lang="en-GB">Text.</p><blockquote lang="zh_Hant_TW">引文</blockquote>';
    expect([...body(html).children].map((element) => element.getAttribute('lang'))).to.deep.equal(['ru-RU', null, 'en-GB', 'zh-Hant-TW']);
    await expect(await story(html)).to.be.accessible();
  });

  it('makes broken lists whole: a stray child of a list, an item without a list, a definition list of paragraphs', async () => {
    const html = '<ul><p>не пункт</p><li>пункт</li>текст<ul><li>вложенный</li></ul></ul><li>сирота</li><dl><p>x</p><dt>термин</dt></dl><dl><dt>термин</dt><dd>определение</dd></dl><dd>одно</dd>';
    const sanitized = body(html);
    for (const list of sanitized.querySelectorAll('ul,ol')) for (const child of list.childNodes) expect((child as Element).localName, list.outerHTML).to.equal('li');
    for (const item of sanitized.querySelectorAll('li')) expect(item.parentElement!.localName).to.be.oneOf(['ul', 'ol']);
    expect(sanitized.querySelectorAll('dl')).to.have.length(1); // the valid one
    for (const term of sanitized.querySelectorAll('dt,dd')) expect(term.parentElement!.localName).to.equal('dl');
    for (const word of ['не пункт', 'пункт', 'текст', 'вложенный', 'сирота', 'x', 'термин', 'определение', 'одно']) expect(sanitized.textContent).to.contain(word);
    await expect(await story(html)).to.be.accessible();
  });

  it('fits a wide table into a 320px column (widths in its markup too), as a table, with no scroll box keyboard users cannot reach', async () => {
    // Widths as a word processor pastes them: the table's and a cell's, wider than the column.
    const row = (cell: string) => `<tr><td width="300">${cell}</td>${`<td>${cell}</td>`.repeat(7)}</tr>`;
    const element = await story(`<p>Расписание:</p><table width="800"><thead><tr>${'<th scope="col">Остановка</th>'.repeat(8)}</tr></thead><tbody>${row('Улица Космонавтов, 12:45')}${row('https://example.com/very/long/unbroken/address')}</tbody></table>`);
    const table = part(element, 'body')!.querySelector('table')!;
    expect(getComputedStyle(table).display).to.equal('table');
    expect(table.getBoundingClientRect().right).to.be.at.most(part(element, 'body')!.getBoundingClientRect().right + 0.5);
    expect(table.scrollWidth).to.be.at.most(table.clientWidth + 1);
    await expect(element).to.be.accessible();
  });
});
