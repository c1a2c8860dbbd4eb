/** Shared helpers for the component tests. */
import { fixture, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { resetFeedStore } from '../src/feed/feed-store.js';
import type { FeedErrorEvent, FeedLoadEvent } from '../src/index.js';

// Every test starts as a first visit: no feed in the page's memory, none stored from before.
beforeEach(() => {
  resetFeedStore();
  localStorage.clear();
});

/** A fixture feed's URL on the test server. */
export const feedUrl = (name: string) => new URL(`/test/fixtures/feeds/${name}`, location.href).href;

/** The moment fixture feeds are written against: their newest story is 3 hours old then. */
export const fixtureNow = Date.parse('2026-11-20T12:00:00Z');

// The native timers, taken before any test fakes them (sinon's fake timers replace the globals): a
// wait that must end cannot depend on a clock the test has stopped.
const nativeSetTimeout = window.setTimeout.bind(window);
const nativeClearTimeout = window.clearTimeout.bind(window);

/** How long a widget may take to show what a test waits for: a failure well before mocha's 10 s. */
const widgetTimeoutMs = 5000;

const shownText = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What a widget shows, for a failure message: its error state's words, else the start of its text. */
export function describeWidget(element: Element | null | undefined): string {
  if (!element) return 'no widget was found';
  const source = element.getAttribute('src');
  const name = `<${element.localName}${source ? ` src="${source}"` : ''}>`;
  if (!element.shadowRoot) return `${name} has not rendered (no shadow root)`;
  const error = element.shadowRoot.querySelector('[part~="error"]');
  if (error) return `${name} shows its error state: "${shownText(error)}"`;
  const text = shownText(element.shadowRoot);
  return `${name} shows ${text ? `"${text.length > 200 ? text.slice(0, 200) + '…' : text}"` : 'nothing'}`;
}

/** The failure of a wait for `expected` that got the other outcome: the feed's error, and what the widget shows. */
function outcomeMismatch(expected: string, event: Event, element: Element): Error {
  const error = (event as FeedErrorEvent).detail?.error;
  return new Error(`waited for ${expected}, got ${event.type}${error ? ` (${error.kind}: ${error.message})` : ''}; ${describeWidget(element)}`);
}

/**
 * Resolves with the element's next `type` event. Fails at once when the other outcome comes
 * instead (a feed-error while news is awaited), and after 5 s without either, with what the widget
 * shows: a test whose news never comes fails with the reason, not with mocha's timeout.
 */
export function feedEvent<K extends 'feed-load' | 'feed-error'>(element: Element, type: K): Promise<GlobalEventHandlersEventMap[K]> {
  const other = type == 'feed-load' ? 'feed-error' : 'feed-load';
  return new Promise((resolve, reject) => {
    const settle = (event?: Event) => {
      element.removeEventListener(type, settle);
      element.removeEventListener(other, settle);
      nativeClearTimeout(timer);
      if (event?.type == type) resolve(event as GlobalEventHandlersEventMap[K]);
      else reject(event ? outcomeMismatch(type, event, element) : new Error(`waited for ${type}, got nothing in ${widgetTimeoutMs / 1000} s; ${describeWidget(element)}`));
    };
    element.addEventListener(type, settle);
    element.addEventListener(other, settle);
    const timer = nativeSetTimeout(settle, widgetTimeoutMs);
  });
}

/** Polls until `condition` holds for the widget; fails after `timeoutMs` with `what` and what the widget shows. */
export async function widgetShows(element: HTMLElement, condition: () => boolean, what: string, timeoutMs = widgetTimeoutMs): Promise<void> {
  await until(condition, what, timeoutMs).catch((error: Error) => {
    throw new Error(`${error.message}; ${describeWidget(element)}`);
  });
}

/** Resolves with the element's next feed-load or feed-error event. */
export function nextOutcome(element: HTMLElement): Promise<FeedLoadEvent | FeedErrorEvent> {
  return Promise.race([oneEvent(element, 'feed-load'), oneEvent(element, 'feed-error')]) as Promise<FeedLoadEvent | FeedErrorEvent>;
}

export function part(element: HTMLElement, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}

export function parts(element: HTMLElement, name: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

// Collapses the template's indentation, but keeps the no-break spaces the content holds on purpose.
export const texts = (elements: Element[]) => elements.map((element) => element.textContent!.replace(/[ \t\n\r]+/g, ' ').trim());

/** A JSON Feed object with items `minutesAgo` before now, for tests that pass the `feed` property. */
export function feedWithAges(minutesAgo: number[], extra: Record<string, unknown> = {}) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Тестовая лента',
    items: minutesAgo.map((minutes, index) => ({
      id: `item-${index}`,
      url: `https://example.org/${index}`,
      title: `Новость ${index}`,
      summary: `Текст новости ${index}`,
      date_published: new Date(Date.now() - minutes * 60_000).toISOString(),
    })),
    ...extra,
  };
}

/**
 * Renders `template` and resolves once the widget in it (the root, or the one `selector` finds)
 * has rendered the outcome of its first load. Listens before rendering, so a fast load is not missed.
 * With `expected`, the other outcome fails the test at once, saying what the widget shows (its error
 * state's words); without an outcome in 5 s, so does the wait.
 */
export async function loadedFixture<T extends HTMLElement>(template: TemplateResult, selector?: string, expected?: 'feed-load' | 'feed-error'): Promise<T> {
  // The widget each event came from, read while it is dispatched (composedPath() is empty after).
  let seen: [target: EventTarget, event: Event][] = [];
  let notify = () => {};
  const record = (event: Event) => {
    seen.push([event.composedPath()[0]!, event]);
    notify();
  };
  document.addEventListener('feed-load', record);
  document.addEventListener('feed-error', record);
  let timer: number | undefined;
  try {
    const root = await fixture<HTMLElement>(template);
    const element = (selector ? root.querySelector(selector) : root) as T;
    if (!element) throw new Error(`no element in the fixture matches "${selector}"`);
    const outcome = await new Promise<Event>((resolve, reject) => {
      notify = () => {
        const found = seen.find(([target]) => target === element);
        if (found) resolve(found[1]);
      };
      notify();
      timer = nativeSetTimeout(() => reject(new Error(`no feed-load or feed-error in ${widgetTimeoutMs / 1000} s; ${describeWidget(element)}`)), widgetTimeoutMs);
    });
    seen = [];
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    if (expected && outcome.type != expected) throw outcomeMismatch(expected, outcome, element);
    return element;
  } finally {
    nativeClearTimeout(timer);
    document.removeEventListener('feed-load', record);
    document.removeEventListener('feed-error', record);
  }
}

/** `loadedFixture` for a widget that must show news: a feed-error fails the test at once, with the widget's error text. */
export const fixtureWithNews = <T extends HTMLElement>(template: TemplateResult, selector?: string): Promise<T> => loadedFixture<T>(template, selector, 'feed-load');

/** Resolves with `read()`'s first truthy value, polling: for pages that render on their own schedule. */
export async function until<T>(read: () => T | false | null | undefined, what: string, timeoutMs = 8000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => nativeSetTimeout(resolve, 10));
  }
}
