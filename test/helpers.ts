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
 */
export async function loadedFixture<T extends HTMLElement>(template: TemplateResult, selector?: string): Promise<T> {
  let seen: EventTarget[] = [];
  let notify = () => {};
  const record = (event: Event) => {
    seen.push(event.composedPath()[0]!);
    notify();
  };
  document.addEventListener('feed-load', record);
  document.addEventListener('feed-error', record);
  try {
    const root = await fixture<HTMLElement>(template);
    const element = (selector ? root.querySelector(selector) : root) as T;
    await new Promise<void>((resolve) => {
      notify = () => seen.includes(element) && resolve();
      notify();
    });
    seen = [];
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    return element;
  } finally {
    document.removeEventListener('feed-load', record);
    document.removeEventListener('feed-error', record);
  }
}

/** Resolves with `read()`'s first truthy value, polling: for pages that render on their own schedule. */
export async function until<T>(read: () => T | false | null | undefined, what: string, timeoutMs = 8000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
