/**
 * The page's feeds, one entry per URL, shared by every widget that shows it.
 *
 * An entry fetches its feed once however many widgets watch it, keeps the last good copy in memory
 * and in `localStorage` (so a returning visitor sees news at once, before the network answers), polls
 * at the shortest `refresh` any watcher asked for while the page is visible, and backs off
 * exponentially, with jitter, while the server keeps failing. A failure never takes the last good
 * copy away: watchers get the error and keep what they show. When the last watcher leaves, the
 * request in flight is aborted and the timer dropped; a widget merely moved in the DOM (left and
 * back in one task) keeps its request. No DOM beyond `document.visibilityState` and `localStorage`.
 */
import { FeedError } from './feed-error.js';
import { requestFeed, type FeedResponse } from './request.js';

export interface FeedUpdate {
  /** The latest good copy, if there is one (possibly from the previous visit, see `fromStorage`). */
  response?: FeedResponse;
  /** True while `response` is the copy kept from an earlier visit and not yet revalidated. */
  fromStorage?: boolean;
  /** The last load's error; `response` may still hold an older good copy. */
  error?: FeedError;
}

export interface WatchOptions {
  /** Seconds between polls; none when absent or not positive. */
  refresh?: number;
  timeout?: number;
  credentials?: RequestCredentials;
}

type Listener = (update: FeedUpdate) => void;

interface Watcher {
  listener: Listener;
  options: WatchOptions;
}

const storagePrefix = 'news-widgets:feed:v1:';
const maxStoredEntries = 8;
const maxStoredChars = 512 * 1024;
const maxBackoffMs = 60 * 60_000;

class FeedEntry {
  readonly watchers = new Map<object, Watcher>();
  response?: FeedResponse;
  fromStorage = false;
  error?: FeedError;
  private controller?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private dueAt = 0;
  private failures = 0;
  private pendingRelease = false;

  constructor(
    readonly url: string,
    readonly credentials: RequestCredentials,
  ) {
    if (credentials === 'omit') {
      const stored = readStored(url);
      if (stored) {
        this.response = stored;
        this.fromStorage = true;
      }
    }
  }

  get loading(): boolean {
    return this.controller !== undefined;
  }

  watch(owner: object, watcher: Watcher): void {
    this.pendingRelease = false;
    this.watchers.set(owner, watcher);
    if (this.response || this.error) queueMicrotask(() => this.watchers.get(owner) === watcher && watcher.listener(this.snapshot()));
    if (!this.controller && (!this.response || this.fromStorage || this.error) && !this.timer) this.load();
    else this.schedule();
  }

  unwatch(owner: object): void {
    if (!this.watchers.delete(owner) || this.watchers.size) return;
    // Released at the end of the task, so a widget that is only moved keeps its request.
    this.pendingRelease = true;
    queueMicrotask(() => {
      if (!this.pendingRelease) return;
      this.pendingRelease = false;
      this.controller?.abort(new DOMException('No widget shows this feed any more.', 'AbortError'));
      this.controller = undefined;
      clearTimeout(this.timer);
      this.timer = undefined;
    });
  }

  /** Loads now (a retry button, a poll, the page becoming visible). */
  load(): void {
    if (this.controller) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const controller = new AbortController();
    this.controller = controller;
    const timeout = Math.min(...[...this.watchers.values()].map((watcher) => watcher.options.timeout ?? Infinity));
    const previous = this.response;
    requestFeed(this.url, { signal: controller.signal, credentials: this.credentials, timeout: Number.isFinite(timeout) ? timeout : undefined, previous }).then(
      (fresh) => {
        if (this.controller !== controller) return;
        this.controller = undefined;
        // A 304 keeps the very same copy, so watchers see nothing new and parse nothing again.
        const response = fresh.notModified && previous ? previous : fresh;
        this.response = response;
        this.fromStorage = false;
        this.error = undefined;
        this.failures = 0;
        if (this.credentials === 'omit' && response !== previous) store(this.url, response);
        this.notify();
        this.schedule();
      },
      (error: unknown) => {
        if (this.controller !== controller) return;
        this.controller = undefined;
        if (controller.signal.aborted) return;
        this.error = error instanceof FeedError ? error : new FeedError('network', String(error), undefined, { cause: error });
        this.failures++;
        this.notify();
        this.schedule();
      },
    );
  }

  /** The next poll: the shortest refresh any watcher asked for, stretched while loads fail. */
  schedule(): void {
    const refreshes = [...this.watchers.values()].map((watcher) => watcher.options.refresh ?? 0).filter((seconds) => seconds > 0);
    if (!refreshes.length || this.controller) return;
    const base = Math.min(...refreshes) * 1000;
    const backoff = this.failures ? Math.min(base * 2 ** this.failures, Math.max(maxBackoffMs, base)) * (0.8 + Math.random() * 0.4) : base;
    const dueAt = Date.now() + backoff;
    if (this.timer && this.dueAt <= dueAt) return;
    clearTimeout(this.timer);
    this.dueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (isHidden()) return; // resumed by the visibility listener
      this.load();
    }, backoff);
  }

  /** The page became visible: poll at once if a poll fell due while it was hidden. */
  resume(): void {
    if (!this.timer && !this.controller && this.watchers.size && [...this.watchers.values()].some((watcher) => (watcher.options.refresh ?? 0) > 0) && Date.now() >= this.dueAt) {
      this.load();
    }
  }

  private snapshot(): FeedUpdate {
    return { response: this.response, fromStorage: this.fromStorage, error: this.error };
  }

  private notify(): void {
    const update = this.snapshot();
    for (const watcher of [...this.watchers.values()]) watcher.listener(update);
  }
}

const entries = new Map<string, FeedEntry>();
let listeningToVisibility = false;

function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * Watches the feed at `url` (absolute) for `owner`: `listener` gets the current copy at once if there
 * is one, then every new copy or error. Returns the function that stops watching.
 */
export function watchFeed(url: string, owner: object, options: WatchOptions, listener: Listener): () => void {
  const credentials = options.credentials ?? 'omit';
  const key = `${credentials} ${url}`;
  let entry = entries.get(key);
  if (!entry) {
    entry = new FeedEntry(url, credentials);
    entries.set(key, entry);
  }
  if (!listeningToVisibility && typeof document !== 'undefined') {
    listeningToVisibility = true;
    document.addEventListener('visibilitychange', () => isHidden() || entries.forEach((each) => each.resume()));
  }
  entry.watch(owner, { listener, options });
  const watched = entry;
  return () => watched.unwatch(owner);
}

/** Loads the feed at `url` again now, for everyone watching it (the retry button). */
export function reloadFeed(url: string, credentials: RequestCredentials = 'omit'): void {
  entries.get(`${credentials} ${url}`)?.load();
}

/** Whether a request for the feed is under way. */
export function isFeedLoading(url: string, credentials: RequestCredentials = 'omit'): boolean {
  return entries.get(`${credentials} ${url}`)?.loading ?? false;
}

/** Forgets every feed kept in memory (for tests; stored copies stay). */
export function resetFeedStore(): void {
  entries.clear();
}

// The stored copies: bounded in number and size, versioned by the key prefix, and never a reason to
// fail (storage can be disabled, full, or throw in sandboxed frames).
interface StoredFeed extends FeedResponse {
  storedAt: number;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function readStored(url: string): FeedResponse | undefined {
  try {
    const text = storage()?.getItem(storagePrefix + url);
    const stored = text ? (JSON.parse(text) as Partial<StoredFeed>) : undefined;
    if (!stored || typeof stored.body !== 'string' || typeof stored.url !== 'string') return undefined;
    return {
      url: stored.url,
      body: stored.body,
      contentType: stored.contentType ?? null,
      nextUrl: stored.nextUrl,
      etag: stored.etag,
      lastModified: stored.lastModified,
    };
  } catch {
    return undefined;
  }
}

function store(url: string, response: FeedResponse): void {
  const place = storage();
  if (!place || response.body.length > maxStoredChars) return;
  const value = JSON.stringify({ ...response, storedAt: Date.now() } satisfies StoredFeed);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      place.setItem(storagePrefix + url, value);
      evictBeyond(place, maxStoredEntries);
      return;
    } catch {
      if (!evictBeyond(place, 0, url)) return; // nothing left to free: give up quietly
    }
  }
}

/** Drops the oldest stored feeds beyond `keep` (other than `except`); true if it dropped any. */
function evictBeyond(place: Storage, keep: number, except?: string): boolean {
  const stored: { key: string; storedAt: number }[] = [];
  for (let index = 0; index < place.length; index++) {
    const key = place.key(index);
    if (!key?.startsWith('news-widgets:feed:') || key === storagePrefix + except) continue;
    let storedAt = 0;
    try {
      storedAt = key.startsWith(storagePrefix) ? Number(JSON.parse(place.getItem(key) ?? '{}').storedAt) || 0 : 0;
    } catch {
      storedAt = 0; // unreadable or from an older version: first to go
    }
    stored.push({ key, storedAt });
  }
  stored.sort((a, b) => b.storedAt - a.storedAt);
  const dropped = stored.slice(keep);
  dropped.forEach(({ key }) => place.removeItem(key));
  return dropped.length > 0;
}
