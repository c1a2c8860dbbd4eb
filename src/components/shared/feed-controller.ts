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
 * A deferred controller (`loading="lazy"`) holds its source without fetching until `start()`.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { FeedError } from '../../feed/feed-error.js';
import { watchFeed, reloadFeed, type FeedUpdate } from '../../feed/feed-store.js';
import type { ParseOptions } from '../../feed/feed-detect.js';
import { loadFeedData, loadFeedText } from '../../feed/load-feed.js';
import { normalizeJsonFeed } from '../../feed/json-feed.js';
import { requestFeed, type FeedResponse } from '../../feed/request.js';
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
  /** The page's base URL; none on a server, where a printed feed's URLs are already absolute. */
  baseUrl?: string;
}

export interface FeedControllerCallbacks {
  /** Called after the host rendered the outcome of a load. */
  onSettled(result: { feed: Feed } | { error: FeedError }): void;
  /** What the host must load before it can show `feed` (such as the sanitizer), if anything. */
  prepare?(feed: Feed): Promise<unknown> | undefined;
}

export class FeedController implements ReactiveController {
  state: FeedState = 'idle';
  /** The last feed read successfully (kept when a later load fails). */
  feed?: Feed;
  error?: FeedError;
  /** True when `feed` is shown but the latest load of it failed: it may be out of date. */
  stale = false;
  /** The absolute URL being watched, if the source is a URL. */
  url?: string;

  private source?: FeedSource;
  private unwatch?: () => void;
  private connected = false;
  private parsedResponse?: FeedResponse;
  private pendingOutcome?: { feed: Feed } | { error: FeedError };
  private extraPages: Story[] = [];
  /** True while "load more" fetches the next page. */
  loadingMore = false;
  /** Reading and preparing the latest feed, while code it needs is fetched. */
  pending?: Promise<void>;
  /** True until `start()`: the source is kept but not fetched (`loading="lazy"`). */
  deferred = false;
  /** Counts reads, so that only the latest one is applied. */
  private reads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: FeedControllerCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.watch();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unwatch?.();
    this.unwatch = undefined;
  }

  hostUpdated(): void {
    const outcome = this.pendingOutcome;
    this.pendingOutcome = undefined;
    if (outcome) this.callbacks.onSettled(outcome);
  }

  /** Sets what to load from; call from the host's `willUpdate` when one of its inputs changed. */
  setSource(source: FeedSource): void {
    const previous = this.source;
    this.source = source;
    this.unwatch?.();
    this.unwatch = undefined;
    // Another feed: what the old one showed must not linger as if it were this one's.
    if (source.src !== previous?.src || source.feed !== previous?.feed || source.inline !== previous?.inline) {
      this.feed = undefined;
      this.parsedResponse = undefined;
      this.extraPages = [];
    }
    this.error = undefined;
    this.stale = false;
    this.url = undefined;
    this.reads++; // a read of the previous source still under way must not land

    if ((source.feed !== undefined && source.feed !== null) || source.inline !== undefined) {
      // Data already on the page: no request. Relative URLs resolve against `src`, else the page.
      const base = this.resolve(source.src) ?? source.baseUrl;
      if (isServer && source.feed) {
        // A server render is synchronous and gets the feed as JSON Feed (news-widgets/server), with
        // the words and the sanitizer loaded beforehand: read it now, no reader to wait for.
        this.succeed(normalizeJsonFeed(source.feed, base));
        return;
      }
      if (this.state !== 'loaded') this.state = 'loading';
      this.read(() =>
        source.feed !== undefined && source.feed !== null
          ? loadFeedData(source.feed, base, source)
          : loadFeedText(source.inline!, 'application/json', base, source),
      );
      return;
    }
    if (!source.src) {
      this.state = 'idle';
      this.host.requestUpdate();
      return;
    }
    this.url = this.resolve(source.src);
    if (!this.url) {
      this.fail(new FeedError('network', `"${source.src}" is not a valid URL.`));
      return;
    }
    this.parsedResponse = undefined; // options such as `format` may have changed: parse again
    this.state = 'loading';
    this.host.requestUpdate();
    this.watch();
  }

  /** Loads the current source again (the retry button). */
  reload(): void {
    if (this.url) {
      if (!this.feed) this.state = 'loading';
      this.host.requestUpdate();
      reloadFeed(this.url, this.source?.credentials);
    } else if (this.source) this.setSource(this.source);
  }

  private resolve(src: string | null | undefined): string | undefined {
    if (!src) return undefined;
    try {
      return new URL(src, this.source?.baseUrl).href;
    } catch {
      return undefined;
    }
  }

  /** Fetches the deferred source now (the widget neared the viewport). */
  start(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.watch();
  }

  private watch(): void {
    const source = this.source;
    if (!this.connected || this.deferred || this.unwatch || !this.url || !source) return;
    this.unwatch = watchFeed(
      this.url,
      this,
      { refresh: source.refresh, timeout: source.timeout, credentials: source.credentials },
      (update) => this.receive(update),
    );
  }

  /**
   * Appends the feed's next page (JSON Feed `next_url`, WordPress's `Link: rel=next`) to the stories.
   * Resolves to the number of new stories; a failure is reported like any other and keeps what is shown.
   */
  async loadMore(): Promise<number> {
    const nextUrl = this.feed?.nextUrl;
    if (!nextUrl || this.loadingMore) return 0;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const response = await requestFeed(nextUrl, { timeout: this.source?.timeout, credentials: this.source?.credentials });
      const page = await loadFeedText(response.body, response.contentType, response.url, this.source);
      await this.callbacks.prepare?.(page);
      const known = new Set(this.feed!.stories.map((story) => story.id));
      const added = page.stories.filter((story) => !known.has(story.id));
      this.extraPages.push(...added);
      this.feed = { ...this.feed!, stories: [...this.feed!.stories, ...added], nextUrl: page.nextUrl ?? response.nextUrl };
      this.host.requestUpdate();
      return added.length;
    } catch (error) {
      this.fail(error);
      return 0;
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  private receive(update: FeedUpdate): void {
    const { response } = update;
    if (response && response !== this.parsedResponse) {
      this.parsedResponse = response;
      this.read(async () => {
        const feed = await loadFeedText(response.body, response.contentType, response.url, this.source);
        feed.nextUrl ??= response.nextUrl;
        // Pages added by "load more" stay after a refresh of the first page.
        if (this.extraPages.length) {
          const known = new Set(feed.stories.map((story) => story.id));
          feed.stories = [...feed.stories, ...this.extraPages.filter((story) => !known.has(story.id))];
        }
        return feed;
      }, update.error);
      return;
    }
    if (update.error) this.fail(update.error);
  }

  /**
   * Reads a feed and loads what showing it needs, then shows it (or the error), unless another
   * read or source came in the meantime. `laterError` is a failure that came with the copy read.
   */
  private read(readFeed: () => Promise<Feed>, laterError?: FeedError): void {
    const read = ++this.reads;
    const pending = (async () => {
      try {
        const feed = await readFeed();
        await this.callbacks.prepare?.(feed);
        if (read === this.reads) this.succeed(feed);
      } catch (error) {
        if (read === this.reads) this.fail(error);
        return;
      }
      if (laterError && read === this.reads) this.fail(laterError);
    })();
    this.pending = pending;
    void pending.finally(() => this.pending === pending && (this.pending = undefined));
  }

  private succeed(feed: Feed): void {
    this.feed = feed;
    this.error = undefined;
    this.stale = false;
    this.state = 'loaded';
    this.pendingOutcome = { feed };
    this.host.requestUpdate();
  }

  private fail(error: unknown): void {
    this.error = error instanceof FeedError ? error : new FeedError('format', String((error as Error)?.message ?? error), undefined, { cause: error });
    // Content already shown stays: it is only marked as possibly out of date.
    this.stale = this.feed !== undefined;
    this.state = this.feed ? 'loaded' : 'error';
    this.pendingOutcome = { error: this.error };
    this.host.requestUpdate();
  }
}
