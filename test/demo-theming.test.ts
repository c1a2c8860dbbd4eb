import { expect, oneEvent } from '@open-wc/testing';
import { until } from './helpers.js';

/**
 * The demo's theming page (demo/theming.html) as `npm start` serves it: under the strict CSP, with
 * the built bundle. Its controls change the preview's widgets, the snippet says what changed, and
 * axe finds nothing on the page.
 */
describe('the theming page of the demo', () => {
  let frame: HTMLIFrameElement | undefined;
  let problems: string[] = [];

  afterEach(() => frame?.remove());
  beforeEach(() => {
    localStorage.clear();
    problems = [];
  });

  /**
   * Opens the page in a frame, listening for CSP violations, uncaught errors and console errors
   * and warnings from the moment its document exists (module scripts run only after it is parsed).
   */
  async function open(url: string) {
    frame = document.createElement('iframe');
    frame.style.width = '1400px';
    frame.style.height = '1000px';
    frame.src = url;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    const page = await until(() => {
      const doc = frame!.contentDocument;
      return doc?.URL.includes('theming.html') && doc;
    }, 'the page document');
    const view = page.defaultView!;
    page.addEventListener('securitypolicyviolation', (event) =>
      problems.push(`CSP ${event.violatedDirective}: ${event.blockedURI || event.sample}`),
    );
    view.addEventListener('error', (event) => problems.push(`error: ${event.message}`));
    view.addEventListener('unhandledrejection', (event) => problems.push(`rejection: ${event.reason}`));
    for (const level of ['error', 'warn'] as const) {
      const original = view.console[level].bind(view.console);
      view.console[level] = (...args: unknown[]) => {
        problems.push(`console.${level}: ${args.join(' ')}`);
        original(...args);
      };
    }
    await loaded;
    await until(() => page.querySelector('recent-posts')?.shadowRoot?.querySelector('[part~="item"] [part~="link"]'), 'the posts');
    await until(() => page.querySelector('featured-story')?.shadowRoot?.querySelector('[part~="title"]'), 'the story');
    return page;
  }

  const posts = (page: Document) => page.querySelector('recent-posts')!.shadowRoot!;
  const story = (page: Document) => page.querySelector('featured-story')!.shadowRoot!;
  const style = (node: Element) => node.ownerDocument.defaultView!.getComputedStyle(node);
  const snippet = (page: Document) => ({
    html: page.getElementById('snippet-html')!.textContent!,
    css: page.getElementById('snippet-css')!.textContent!,
  });

  /** Sets a control as a user does: its value, then input and change. */
  function set(page: Document, selector: string, value?: string) {
    const input = page.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    const view = page.defaultView!;
    input.focus();
    if (input instanceof view.HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) input.checked = true;
    else input.value = value!;
    input.dispatchEvent(new view.Event('input', { bubbles: true }));
    input.dispatchEvent(new view.Event('change', { bubbles: true }));
  }

  it('loads under the strict CSP without violations or errors, with a control for every --news-* property', async () => {
    const page = await open('/demo/theming.html');
    expect(page.documentElement.lang).to.equal('ru');
    expect(page.querySelector('h1')!.textContent).to.equal('Оформление виджетов');
    // The controls cover the properties the elements document (custom-elements.json is built from the same JSDoc).
    const manifest = await (await fetch('/custom-elements.json')).json();
    const documented = new Set<string>(
      manifest.modules.flatMap((module: { declarations?: { cssProperties?: { name: string }[] }[] }) =>
        (module.declarations ?? []).flatMap((declaration) => (declaration.cssProperties ?? []).map((property) => property.name)),
      ),
    );
    const controlled = [...page.querySelectorAll<HTMLElement>('[data-token]')].map((input) => `--news-${input.dataset.token}`);
    expect(documented.size).to.be.greaterThan(20);
    expect([...controlled].sort()).to.deep.equal([...documented].sort());
    for (const input of page.querySelectorAll<HTMLInputElement>('#theming-form input, #theming-form select')) {
      expect(input.labels?.length ?? 0, `a label for ${input.id}`).to.be.greaterThan(0);
    }
    // Untouched, the snippet sets no property and shows how to use ::part.
    expect(snippet(page).html).to.equal(
      '<featured-story src="/news/feed.json"></featured-story>\n<recent-posts src="/news/feed.json"></recent-posts>',
    );
    expect(snippet(page).css).to.not.match(/--news-[\w-]+:/);
    expect(snippet(page).css).to.contain('recent-posts::part(title)');
    // Links to the news page and back.
    expect(page.querySelector<HTMLAnchorElement>('.main-nav a[href$="/demo/"]')).to.exist;
    expect(problems).to.deep.equal([]);
  });

  it('is linked from the news page, keeping its language', async () => {
    frame = document.createElement('iframe');
    frame.src = '/demo/index.html?lang=en';
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    const link = await until(
      () => frame!.contentDocument!.querySelector<HTMLAnchorElement>('a[href*="theming.html"]'),
      'the link to the theming page',
    );
    expect(new URL(link.href).pathname).to.equal('/demo/theming.html');
    expect(new URL(link.href).searchParams.get('lang')).to.equal('en');
  });

  it('sets a colour on the widgets and in the CSS snippet, and reset takes it away', async () => {
    const page = await open('/demo/theming.html');
    const titleLink = () => posts(page).querySelector('[part~="item"] [part~="link"]')!;
    const before = style(titleLink()).color;
    set(page, '#token-link-color', '#a3125f');
    expect(style(titleLink()).color).to.equal('rgb(163, 18, 95)');
    expect(style(story(page).querySelector('[part~="title"] a')!).color).to.equal('rgb(163, 18, 95)');
    expect(snippet(page).css).to.contain('recent-posts,\nfeatured-story {\n  --news-link-color: #a3125f;\n}');
    expect(page.getElementById('token-link-color-value')!.textContent).to.equal('#a3125f');
    set(page, '#token-title-lines', '2');
    set(page, '#token-radius', '1.25');
    expect(snippet(page).css).to.contain('  --news-radius: 1.25em;\n  --news-title-lines: 2;\n}');
    // Only what changed: no other property in the rule.
    expect(snippet(page).css.match(/--news-[\w-]+:/g)).to.have.length(3);

    page.querySelector<HTMLButtonElement>('button[type="reset"]')!.click();
    await until(() => !snippet(page).css.includes('--news-link-color'), 'the reset');
    expect(style(titleLink()).color).to.equal(before);
    expect(page.getElementById('preview')!.getAttribute('style')).to.not.contain('--news-');
    expect(problems).to.deep.equal([]);
  });

  it('switches the layout to cards (with images), the theme to dark and the widgets to Arabic', async () => {
    const page = await open('/demo/theming.html');
    expect(posts(page).querySelector('[part~="image"]')).to.equal(null); // the list has no images
    set(page, '#layout-cards');
    await until(() => posts(page).querySelector('[part~="item"] [part~="image"]'), 'a card image');
    expect(page.querySelector('recent-posts')!.getAttribute('layout')).to.equal('cards');

    const widget = page.querySelector('recent-posts')!;
    expect(style(widget).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    set(page, '#theme-dark');
    expect(style(widget).backgroundColor).to.equal('rgb(13, 17, 23)');

    set(page, '#widget-lang', 'ar');
    await until(() => posts(page).querySelector('[part~="base"]')?.getAttribute('dir') === 'rtl', 'right-to-left widgets');
    expect(snippet(page).html).to.equal(
      '<featured-story src="/news/feed.json" theme="dark" lang="ar"></featured-story>\n' +
        '<recent-posts src="/news/feed.json" layout="cards" theme="dark" lang="ar"></recent-posts>',
    );

    // A ::part recipe applies to the preview and lands in the CSS.
    set(page, '#recipe-heading-caps');
    expect(style(posts(page).querySelector('[part~="heading"]')!).textTransform).to.equal('uppercase');
    expect(snippet(page).css).to.contain('recent-posts::part(heading) {\n  text-transform: uppercase;');
    expect(problems).to.deep.equal([]);
  });

  it('gives the preview the width of its slider, which the layouts follow', async () => {
    const page = await open('/demo/theming.html');
    const stage = page.getElementById('preview')!;
    set(page, '#preview-width', '1200');
    expect(stage.getBoundingClientRect().width).to.equal(1200);
    // Wide: the story's image beside its text.
    const image = story(page).querySelector('[part~="image"]')!;
    const text = story(page).querySelector('[part~="title"]')!;
    expect(image.getBoundingClientRect().right).to.be.at.most(text.getBoundingClientRect().left + 1);
    set(page, '#preview-width', '280');
    expect(stage.getBoundingClientRect().width).to.equal(280);
    expect(page.getElementById('preview-width-value')!.textContent).to.equal('280 px');
    // Narrow: one column, the image and the title on the same left edge.
    expect(Math.abs(image.getBoundingClientRect().left - text.getBoundingClientRect().left)).to.be.below(2);
  });

  it('is in English with ?lang=en', async () => {
    const page = await open('/demo/theming.html?lang=en');
    expect(page.documentElement.lang).to.equal('en');
    expect(page.querySelector('h1')!.textContent).to.equal('Widget theming');
    expect(page.querySelector('label[for="token-link-color"]')!.textContent).to.equal('Links --news-link-color');
    await until(() => posts(page).querySelector('[part~="heading"]')?.textContent?.includes('Recent news'), 'English widgets');
    expect(problems).to.deep.equal([]);
  });

  it('copies the snippet, or says how to when the clipboard is refused', async () => {
    const page = await open('/demo/theming.html');
    const view = page.defaultView!;
    const copied: string[] = [];
    Object.defineProperty(view.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    page.querySelector<HTMLButtonElement>('[data-copy="snippet-css"]')!.click();
    await until(() => page.getElementById('copy-status')!.textContent, 'the copy message');
    expect(copied).to.deep.equal([snippet(page).css]);
    expect(page.getElementById('copy-status')!.textContent).to.equal('Скопировано в буфер обмена.');

    Object.defineProperty(view.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    page.querySelector<HTMLButtonElement>('[data-copy="snippet-html"]')!.click();
    await until(() => page.getElementById('copy-status')!.textContent!.includes('Ctrl+C'), 'the fallback message');
    expect(view.getSelection()!.toString()).to.equal(snippet(page).html);
  });

  /**
   * axe runs inside the page, which the strict CSP forbids to load it: the same markup, styles and
   * scripts are opened from a same-origin srcdoc frame without the header, and axe is added there.
   */
  async function axeViolations(prepare?: (page: Document) => Promise<void> | void) {
    const html = await (await fetch('/demo/theming.html')).text();
    frame = document.createElement('iframe');
    frame.style.width = '1400px';
    frame.style.height = '1000px';
    // Absolute URLs in the markup too: Firefox's preloader would fetch them before reading <base>.
    const base = `${location.origin}/demo/theming.html`;
    frame.srcdoc = html
      .replace(/ (href|src)="(?![a-z]+:|[#?/])([^"]*)"/g, (_, name: string, url: string) => ` ${name}="${new URL(url, base).href}"`)
      .replace('<head>', `<head><base href="${base}">`);
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    const page = frame.contentDocument!;
    await until(() => page.querySelector('recent-posts')?.shadowRoot?.querySelector('[part~="item"]'), 'the posts');
    await until(() => page.querySelector('featured-story')?.shadowRoot?.querySelector('[part~="title"]'), 'the story');
    // The page's own styles and scripts did load from the srcdoc (relative to its <base>).
    expect(page.defaultView!.getComputedStyle(page.querySelector('.main-nav')!).backgroundColor).to.equal('rgb(18, 53, 91)');
    expect(page.querySelectorAll('[data-token]').length).to.be.greaterThan(20);
    await prepare?.(page);
    const script = page.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const axeLoaded = oneEvent(script, 'load');
    page.head.append(script);
    await axeLoaded;
    const axe = (frame.contentWindow as Window & { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const { violations } = await axe.run(page);
    return violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  }

  it('has no axe violations, as loaded', async () => {
    expect(await axeViolations()).to.deep.equal([]);
  });

  it('has no axe violations with dark cards in Arabic', async () => {
    const violations = await axeViolations(async (page) => {
      set(page, '#layout-cards');
      set(page, '#theme-dark');
      set(page, '#widget-lang', 'ar');
      await until(() => posts(page).querySelector('[part~="base"]')?.getAttribute('dir') === 'rtl', 'right-to-left widgets');
      await until(() => posts(page).querySelector('[part~="item"]'), 'the Arabic posts');
    });
    expect(violations).to.deep.equal([]);
  });
});
