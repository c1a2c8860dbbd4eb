/**
 * Loads a widget's feed: from its `feed` property when set, else from its `src` URL.
 *
 * Only the latest request counts: changing `src` aborts the previous request and a late answer to
 * it is ignored. Leaving the page aborts a request in flight; coming back resumes it. What was last
 * shown stays shown when a later load fails (the error is still reported by event), so a flaky
 * network never replaces news with an error box. The host renders from `state`, `feed` and `error`
 * and is told through `onSettled` when to announce the outcome.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from '../../feed/feed-error.js';
import { normalizeJsonFeed } from '../../feed/json-feed.js';
import { parseFeedText } from '../../feed/parse-feed.js';
import { requestFeed } from '../../feed/request.js';
import type { Feed } from '../../feed/story.js';

export type FeedState = 'idle' | 'loading' | 'loaded' | 'error';

export interface FeedSource {
  src?: string | null;
  feed?: unknown;
  /** Milliseconds before a request is given up. */
  timeout?: number;
  baseUrl: string;
}

export interface FeedControllerCallbacks {
  /** Called after the host rendered the outcome of a load. */
  onSettled(result: { feed: Feed } | { error: FeedError }): void;
}

export class FeedController implements ReactiveController {
  state: FeedState = 'idle';
  /** The last feed loaded successfully (kept when a later load fails). */
  feed?: Feed;
  error?: FeedError;

  private source?: FeedSource;
  private abortController?: AbortController;
  private pendingOutcome?: { feed: Feed } | { error: FeedError };
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: FeedControllerCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.interrupted) {
      this.interrupted = false;
      this.load();
    }
  }

  hostDisconnected(): void {
    if (this.state === 'loading' && this.abortController) {
      this.interrupted = true;
      this.abortController.abort(new DOMException('The widget left the page.', 'AbortError'));
      this.abortController = undefined;
    }
  }

  hostUpdated(): void {
    const outcome = this.pendingOutcome;
    this.pendingOutcome = undefined;
    if (outcome) this.callbacks.onSettled(outcome);
  }

  /** Sets what to load from; call from the host's `willUpdate` when `src` or `feed` changed. */
  setSource(source: FeedSource): void {
    // Another feed: what the old one showed must not linger as if it were this one's.
    if (source.src !== this.source?.src || source.feed !== this.source?.feed) this.feed = undefined;
    this.source = source;
    this.load();
  }

  /** Loads the current source again (the retry button). */
  reload(): void {
    this.load();
  }

  private load(): void {
    this.abortController?.abort(new DOMException('A newer load replaced this one.', 'AbortError'));
    this.abortController = undefined;
    const source = this.source;
    if (!source) return;

    if (source.feed !== undefined && source.feed !== null) {
      try {
        this.succeed(normalizeJsonFeed(source.feed, source.baseUrl));
      } catch (error) {
        this.fail(error);
      }
      return;
    }
    if (!source.src) {
      this.state = 'idle';
      this.error = undefined;
      this.host.requestUpdate();
      return;
    }

    let url: string;
    try {
      url = new URL(source.src, source.baseUrl).href;
    } catch (cause) {
      this.fail(new FeedError('network', `"${source.src}" is not a valid URL.`, undefined, { cause }));
      return;
    }
    const controller = new AbortController();
    this.abortController = controller;
    this.state = 'loading';
    this.host.requestUpdate();
    requestFeed(url, { signal: controller.signal, timeout: source.timeout })
      .then((response) => parseFeedText(response.body, response.contentType, response.url))
      .then(
        (feed) => controller === this.abortController && this.succeed(feed),
        (error: unknown) => controller === this.abortController && !controller.signal.aborted && this.fail(error),
      )
      .finally(() => {
        if (controller === this.abortController) this.abortController = undefined;
      });
  }

  private succeed(feed: Feed): void {
    this.feed = feed;
    this.error = undefined;
    this.state = 'loaded';
    this.pendingOutcome = { feed };
    this.host.requestUpdate();
  }

  private fail(error: unknown): void {
    this.error = error instanceof FeedError ? error : new FeedError('format', String((error as Error)?.message ?? error), undefined, { cause: error });
    this.state = 'error';
    this.pendingOutcome = { error: this.error };
    this.host.requestUpdate();
  }
}
