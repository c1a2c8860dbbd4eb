/**
 * Loads a widget's feed: from its `feed` property when set, else from a feed printed into the
 * element, else from its `src` URL through the page's shared feed store (one request per URL,
 * polling, the stored copy from the last visit; see feed-store.ts).
 *
 * Only the current source counts: changing `src` stops watching the old URL, so a late answer for it
 * never lands. Leaving the page stops watching (the store aborts a request nobody waits for); coming
 * back watches again. What was shown stays shown when a later load fails: the widget is marked
 * `stale` and the error is still reported by event, so a flaky network never replaces news with an
 * error box. The host renders from `state`, `feed`, `error` and `stale`, and is told through
 * `onSettled` when to announce an outcome.
 *
 * Reading a feed may need code that is fetched on demand (the WordPress or RSS/Atom reader, and
 * through the host's `prepare` the sanitizer for an HTML body): the state turns `loaded` only once
 * all of it is here, so nothing shows half-done and moves later. `pending` is that wait, for the
 * host's `updateComplete`. Only the latest source's result is applied.
 *
 * A deferred controller (`loading="lazy"`) holds its source without fetching it, or reading a feed
 * given as data, until `start()`.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { asFeedError, FeedError } from '../../feed/feed-error.js';
import { watchFeed, findFeed, requestNextPage } from '../../feed/feed-store.js';
import type { ParseOptions } from '../../feed/feed-detect.js';
import { loadFeed } from '../../feed/load-feed.js';
import { normalizeJsonFeed } from '../../feed/json-feed.js';
import type { FeedResponse } from '../../feed/request.js';
import type { Feed, Story } from '../../feed/story.js';

export type FeedState = 'idle' | 'loading' | 'loaded' | 'error';

export interface FeedSource extends ParseOptions {
  src?: string | null;
  feed?: unknown;
  /** Feed JSON printed into the page (an inline `<script type="application/feed+json">`). */
  inline?: string;
  /** Milliseconds before a request is given up. */
  timeout?: number;
  /** Seconds between polls of `src`. */
  refresh?: number;
  credentials?: RequestCredentials;
  // `baseUrl` (from ParseOptions) is the page's base URL; none on a server, where a printed feed's
  // URLs are already absolute.
}

export interface FeedControllerCallbacks {
  /** Called after the host rendered the outcome of a load. */
  onSettled(result: { feed: Feed } | { error: FeedError }): void;
  /** What the host must load before it can show `feed` (such as the sanitizer), if anything. */
  prepare?(feed: Feed): Promise<unknown> | undefined;
}

/** `stories`, then those of `more` whose id is not among them. */
function appended(stories: Story[], more: Story[]): Story[] {
  const known = new Set(stories.map((story) => story.id));
  return stories.concat(more.filter((story) => !known.has(story.id)));
}

export class FeedController implements ReactiveController {
  state: FeedState = 'idle';
  /** The last feed read successfully (kept when a later load fails). */
  feed?: Feed;
  error?: FeedError;
  /** True when `feed` is shown but the latest load of it failed: it may be out of date. */
  stale = false;
  /** The last "load more" failed (what is shown is as current as before: not `stale`). */
  moreFailed = false;
  /** The absolute URL being watched, if the source is a URL. */
  url?: string;
  /** True while "load more" fetches the next page. */
  loadingMore = false;
  /** Reading and preparing the latest feed, while code it needs is fetched. */
  pending?: Promise<void>;
  /** True until `start()`: the source is kept but not fetched or read (`loading="lazy"`). */
  deferred = false;
  /** The read of a feed given as data, held while deferred. */
  #deferredRead?: () => void;

  #host: ReactiveControllerHost;
  #callbacks: FeedControllerCallbacks;
  #source?: FeedSource;
  #unwatch?: () => void;
  #connected?: boolean;
  #parsedResponse?: FeedResponse;
  #outcome?: { feed: Feed } | { error: FeedError };
  /** Stories added by "load more": they stay after a refresh of the first page. */
  #extraPages: Story[] = [];
  /** Counts reads, so that only the latest one is applied. */
  #reads = 0;

  constructor(host: ReactiveControllerHost, callbacks: FeedControllerCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#watch();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stopWatching();
  }

  hostUpdated(): void {
    const outcome = this.#outcome;
    this.#outcome = undefined;
    if (outcome) this.#callbacks.onSettled(outcome);
  }

  /** Sets what to load from; call from the host's `willUpdate` when one of its inputs changed. */
  setSource(source: FeedSource): void {
    const previous = this.#source;
    const { feed, inline } = (this.#source = source);
    // The URL parser drops the spaces around a URL, so a `src` of only spaces would name the page
    // itself (fetched, then reported as "not a feed"): it means no `src`, as `src=""` does.
    const src = source.src?.trim();
    this.#stopWatching();
    // Only how long to wait or how often to poll changed: watch with the new options, and keep what is shown as it is.
    if (previous && previous != source && Object.keys(source).every((key) => key == 'timeout' || key == 'refresh' || source[key as 'src'] === previous[key as 'src'])) {
      return this.#watch();
    }
    this.#deferredRead = undefined;
    // Another feed: what the old one showed must not linger as if it were this one's.
    if (src !== previous?.src?.trim() || feed !== previous?.feed || inline !== previous?.inline) {
      this.feed = undefined;
      this.#extraPages = [];
    }
    // Options such as `format` may have changed: a fetched copy is parsed again.
    this.error = this.url = this.#parsedResponse = undefined;
    this.stale = false;
    this.#reads++; // a read of the previous source still under way must not land

    if (feed != null || inline !== undefined) {
      // Data already on the page: no request. Relative URLs resolve against `src`, else the feed's
      // own address (JSON Feed `feed_url`), else the page (`baseUrl`).
      const base = this.#resolve(src);
      if (isServer && feed) {
        // A server render is synchronous and gets the feed as JSON Feed (news-widgets/server), with
        // the words and the sanitizer loaded beforehand: read it now, no reader to wait for.
        this.#settle(normalizeJsonFeed(feed, base, source.baseUrl));
        return;
      }
      if (this.state != 'loaded') this.state = 'loading';
      const read = () => this.#read(() => loadFeed(feed != null ? undefined : inline, 'application/json', base, source, feed));
      // A lazy widget far down the page reads (parses, and then renders) its data when it nears the viewport.
      if (this.deferred) this.#deferredRead = read;
      else read();
      return;
    }
    if (src && !(this.url = this.#resolve(src))) {
      this.#fail(new FeedError('network', `not a valid URL: ${src}`));
      return;
    }
    this.state = src ? 'loading' : 'idle';
    this.#update();
    this.#watch();
  }

  /** Loads the current source again (the retry button). */
  reload(): void {
    if (this.url) {
      if (!this.feed) this.state = 'loading';
      this.#update();
      findFeed(this.url, this.#source!.credentials)?.load();
    } else if (this.#source) this.setSource(this.#source);
  }

  #resolve(src: string | null | undefined): string | undefined {
    try {
      if (src) return new URL(src, this.#source!.baseUrl).href;
    } catch {}
    return undefined;
  }

  /** Fetches or reads the deferred source now (the widget neared the viewport). */
  start(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.#deferredRead?.();
    this.#deferredRead = undefined;
    this.#watch();
  }

  #watch(): void {
    if (this.#connected && !this.deferred && !this.#unwatch && this.url) {
      this.#unwatch = watchFeed(this.url, this, this.#source!, (response, error) => this.#receive(response, error));
    }
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  #stopWatching(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /**
   * Appends the feed's next page (JSON Feed `next_url`, WordPress's `Link: rel=next` or `X-WP-TotalPages`) to the stories.
   * Resolves to the number of new stories; a failure is reported like any other and keeps what is shown.
   */
  async loadMore(): Promise<number> {
    const nextUrl = this.feed?.nextUrl;
    const source = this.#source;
    if (!nextUrl || this.loadingMore) return 0;
    this.loadingMore = true;
    this.moreFailed = false;
    this.#update();
    try {
      // Through the store: two widgets of one feed that both load more fetch the next page once.
      const response = await requestNextPage(nextUrl, source!);
      const page = await this.#load(response);
      await this.#callbacks.prepare?.(page);
      if (source != this.#source) return 0; // the widget has another source now: this page is not of its feed
      const { stories } = this.feed!;
      const all = appended(stories, page.stories);
      this.#extraPages.push(...all.slice(stories.length));
      this.feed = { ...this.feed!, stories: all, nextUrl: page.nextUrl ?? response.nextUrl };
      return all.length - stories.length;
    } catch (error) {
      // Reported like any other failure, but only the next page is missing: no out-of-date notice.
      if (source == this.#source) this.#fail(error, true);
      return 0;
    } finally {
      this.loadingMore = false;
      this.#update();
    }
  }

  #load(response: FeedResponse): Promise<Feed> {
    return loadFeed(response.body, response.contentType, response.url, this.#source);
  }

  #receive(response?: FeedResponse, error?: FeedError): void {
    if (response && response != this.#parsedResponse) {
      this.#parsedResponse = response;
      // The store keeps only copies a widget could read: an HTML page served with 200 is not one.
      const [url, credentials] = [this.url!, this.#source!.credentials];
      const read = (failure?: unknown) => findFeed(url, credentials)?.read(response, failure);
      this.#read(async () => {
        const feed = await this.#load(response).catch((failure) => {
          read(failure);
          throw failure;
        });
        read();
        feed.nextUrl ??= response.nextUrl;
        feed.stories = appended(feed.stories, this.#extraPages);
        return feed;
      }, error);
    } else if (error && error != this.error) this.#fail(error); // the one shown already (a moved widget) is not reported twice
    else if (!error && this.stale) this.#settle(this.feed); // a check after a failure found the same copy: current again
  }

  /**
   * Reads a feed and loads what showing it needs, then shows it (or the error), unless another
   * read or source came in the meantime. `laterError` is a failure that came with the copy read.
   */
  #read(readFeed: () => Promise<Feed>, laterError?: FeedError): void {
    const read = ++this.#reads;
    const pending = (async () => {
      let feed: Feed;
      try {
        feed = await readFeed();
        await this.#callbacks.prepare?.(feed);
      } catch (error) {
        if (read == this.#reads) this.#fail(error);
        return;
      }
      if (read == this.#reads) {
        this.#settle(feed);
        if (laterError) this.#fail(laterError);
      }
    })();
    this.pending = pending;
    void pending.then(() => this.pending == pending && (this.pending = undefined));
  }

  #fail(error: unknown, nextPage?: boolean): void {
    // Content already shown stays: it is only marked as possibly out of date.
    this.#settle(this.feed, asFeedError(error, 'format'), nextPage);
  }

  /** Shows `feed` (undefined if none), or keeps it and reports `error` (of the next page, when `nextPage`). */
  #settle(feed: Feed | undefined, error?: FeedError, nextPage = false): void {
    this.feed = feed;
    this.error = error;
    // A next page that failed says nothing of how current the shown feed is.
    if (!nextPage) this.stale = !!(error && feed);
    this.moreFailed = nextPage;
    this.state = feed ? 'loaded' : 'error';
    this.#outcome = error ? { error } : { feed: feed! };
    this.#update();
  }
}
