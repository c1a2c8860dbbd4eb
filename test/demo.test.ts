import { expect, oneEvent } from '@open-wc/testing';

/**
 * The demo page as `npm start` serves it (the test server fills in the sample feed's dates the same
 * way), with the built bundle: the story of the day and recent posts in Russian, then in English
 * after the language switch.
 */
describe('the demo page', () => {
  let frame: HTMLIFrameElement;
  const errors: string[] = [];

  afterEach(() => frame?.remove());

  async function open(url: string) {
    frame = document.createElement('iframe');
    frame.style.width = '1280px';
    frame.style.height = '900px';
    frame.src = url;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    frame.contentWindow!.addEventListener('error', (event) => errors.push(event.message));
    return frame.contentDocument!;
  }

  /** Waits until `read()` returns a truthy value (the page renders on its own schedule). */
  async function until<T>(read: () => T | false | null | undefined, what: string): Promise<T> {
    const started = performance.now();
    for (;;) {
      const value = read();
      if (value) return value;
      if (performance.now() - started > 8000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  const shadowText = (document: Document, selector: string, part: string) =>
    [...(document.querySelector(selector)?.shadowRoot?.querySelectorAll(`[part~="${part}"]`) ?? [])].map((node) =>
      node.textContent!.replace(/[ \t\n\r]+/g, ' ').trim(),
    );

  it('shows the story of the day and six recent posts in Russian, with live relative times', async () => {
    const page = await open('/demo/index.html');
    const times = await until(() => {
      const found = shadowText(page, 'recent-posts', 'time');
      return found.length === 6 && found;
    }, 'six recent posts');
    expect(times).to.include('9 часов назад');
    expect(times).to.include('22 часа назад');
    expect(times.join(' ')).to.not.match(/ago|hours/);
    expect(shadowText(page, 'featured-story', 'label')).to.deep.equal(['Тема дня']);
    expect(shadowText(page, 'featured-story', 'body')[0]).to.contain('3\u00a0450');
    expect(shadowText(page, 'recent-posts', 'heading')).to.deep.equal(['Последние новости']);
    expect(errors).to.deep.equal([]);
  });

  it('switches to English with its language switch', async () => {
    const page = await open('/demo/index.html');
    await until(() => shadowText(page, 'recent-posts', 'time').length === 6, 'the Russian page');
    page.querySelector<HTMLAnchorElement>('a[data-lang="en"]')!.click();
    const times = await until(() => {
      const found = shadowText(page, 'recent-posts', 'time');
      return found.includes('9 hours ago') && found;
    }, 'English times');
    expect(page.documentElement.lang).to.equal('en');
    expect(times).to.include('22 hours ago');
    expect(shadowText(page, 'recent-posts', 'heading')).to.deep.equal(['Recent news']);
    expect(shadowText(page, 'featured-story', 'label')).to.deep.equal(['Story of the day']);
    expect(shadowText(page, 'featured-story', 'title')[0]).to.match(/[a-z]/);
    expect(errors).to.deep.equal([]);
  });
});
