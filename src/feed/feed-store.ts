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
 *
 * One store serves the whole page, also when it holds two copies of the library (old CMS templates
 * may include both the module build and the classic one, each defining one element): the first copy
 * to need it puts it on `globalThis`, and the others use that one, entries, closures and all. See
 * `sharedStore` for what the copies must agree on.
 */
import { asFeedError, type FeedError } from './feed-error.js';
import { requestFeed, timeoutOf, type FeedResponse } from './request.js';

export interface WatchOptions {
  /** Seconds between polls; none when absent or not positive. */
  refresh?: number;
  timeout?: number;
  credentials?: RequestCredentials;
}

/**
 * Gets the latest good copy, if there is one (possibly from the previous visit), and the last load's
 * error (`response` may then still hold an older good copy).
 */
type Listener = (response?: FeedResponse, error?: FeedError) => void;

interface Watcher {
  listener: Listener;
  options: WatchOptions;
}

export interface FeedEntry {
  watch(owner: object, watcher: Watcher): void;
  unwatch(owner: object): void;
  /** Loads now (a retry button, a poll, the page becoming visible). */
  load(): void;
  /** The page became visible: poll at once if a poll fell due while it was hidden. */
  resume(): void;
  /** A widget read `copy` (or failed to, with `failure`): see `findFeed`. */
  read(copy: FeedResponse, failure?: unknown): void;
}

/** Every version's stored copies start with `storageNamespace`; this one's with `storagePrefix`. */
const storageNamespace = 'news-widgets:feed:';
const storagePrefix = storageNamespace + 'v1:';


function createEntry(url: string, credentials: RequestCredentials): FeedEntry {
  const watchers = new Map<object, Watcher>();
  let response = credentials == 'omit' ? readStored(url) : undefined;
  /** The last copy a widget could read: the one stored, and the one kept when a newer body is no feed. */
  let good = response;
  /** True while `response` is the copy kept from an earlier visit and not yet revalidated. */
  let fromStorage = !!response;
  let error: FeedError | undefined;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = 0;
  let failures = 0;
  let pendingRelease = false;

  const options = () => [...watchers.values()].map((watcher) => watcher.options);
  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  function load(): void {
    if (controller) return;
    stopTimer();
    const mine = (controller = new AbortController());
    const previous = response;
    // The outcome of this request, unless it was dropped (the last watcher left) in the meantime.
    const settle = <T,>(apply: (value: T) => void) => (value: T) => {
      if (controller != mine) return;
      controller = undefined;
      apply(value);
      for (const watcher of [...watchers.values()]) watcher.listener(response, error);
      schedule();
    };
    requestFeed(url, {
      signal: mine.signal,
      credentials,
      previous,
      // The request waits as long as its most patient widget asks, also one that joins while it runs:
      // a widget with the default 10 s must not cut short another's `timeout="60000"` on the same feed.
      timeout: () => Math.max(...options().map((each) => timeoutOf(each.timeout))),
    }).then(
      settle((fresh: FeedResponse) => {
        // A 304 keeps the very same copy, so watchers see nothing new and parse nothing again; so does
        // the same body from the same address (a server that sends no validators answers 200 each poll).
        response = previous && (fresh.notModified || (fresh.body == previous.body && fresh.url == previous.url)) ? previous : fresh;
        fromStorage = false;
        error = undefined;
        failures = 0;
      }),
      settle((reason: unknown) => {
        error = asFeedError(reason, 'network');
        failures++;
      }),
    );
  }

  /** The next poll: the shortest refresh any watcher asked for, stretched while loads fail. */
  function schedule(): void {
    const refreshes = options().flatMap(({ refresh }) => (refresh! > 0 ? [refresh!] : []));
    if (!refreshes.length) return stopTimer(); // nobody asks for polls (any more: refresh removed, or its widget gone)
    if (controller) return;
    const base = Math.min(...refreshes) * 1000;
    const backoff = failures ? Math.min(base * 2 ** failures, Math.max(3_600_000, base)) * (0.8 + Math.random() * 0.4) : base;
    const due = Date.now() + backoff;
    if (timer && dueAt <= due) return;
    clearTimeout(timer);
    dueAt = due;
    timer = setTimeout(() => {
      timer = undefined;
      isHidden() || load(); // when hidden, resumed by the visibility listener
    }, Math.min(backoff, 2 ** 31 - 1)); // longer delays overflow and fire at once: a poll every millisecond
  }

  return {
    watch(owner, watcher) {
      const moved = pendingRelease; // the last watcher left in this task: a widget moved, not a new one
      pendingRelease = false;
      watchers.set(owner, watcher);
      if (response || error) queueMicrotask(() => watchers.get(owner) == watcher && watcher.listener(response, error));
      if (!controller && (!response || fromStorage || error) && !timer && !moved) load();
      else schedule();
    },
    unwatch(owner) {
      if (!watchers.delete(owner)) return;
      if (watchers.size) return schedule(); // the poll the one who left asked for may be due no more
      // Released at the end of the task, so a widget that is only moved keeps its request.
      pendingRelease = true;
      queueMicrotask(() => {
        if (!pendingRelease) return;
        pendingRelease = false;
        controller?.abort();
        controller = undefined;
        stopTimer();
      });
    },
    load,
    resume() {
      if (!timer && !controller && options().some(({ refresh }) => refresh! > 0) && Date.now() >= dueAt) load();
    },
    read(copy, failure) {
      if (!failure) {
        if (credentials == 'omit' && copy != good) store(url, copy);
        good = copy;
      } else if (copy == response && copy != good) {
        // A body that is no feed (a CMS error page served with 200) does not replace the good copy:
        // widgets that come later show that one, marked as possibly out of date.
        response = good;
        error = asFeedError(failure, 'network');
      }
    },
  };
}

// No document on a server.
const isHidden = (): boolean => globalThis.document?.visibilityState == 'hidden';

/**
 * The page's feeds by `keyOf`, and the next pages being fetched ("load more"). Each entry is the
 * object of the copy that created it: another copy calls its methods, gets its `FeedResponse`s and
 * its `FeedError`s (instances of another class: told apart by `name`, see `asFeedError`). The key's
 * version names that protocol (`FeedEntry`, `Listener`, `WatchOptions`, a response's and an error's
 * fields, the keys): change any of them and bump it, so two copies that cannot talk never share.
 * Made on first use, not on import: a server, which renders feeds given as data, never makes it.
 */
const sharedStore = (): SharedStore => ((globalThis as { [key: symbol]: SharedStore })[Symbol.for('news-widgets.feed-store.v1')] ??= { entries: new Map(), pages: new Map() });

interface SharedStore {
  entries: Map<string, FeedEntry>;
  pages: Map<string, Promise<FeedResponse>>;
}

// A poll that fell due while the page was hidden is made when it shows again. Every copy listens: an
// entry resumed twice polls once (the second call finds its request under way).
globalThis.document?.addEventListener('visibilitychange', () => isHidden() || sharedStore().entries.forEach((each) => each.resume()));

const keyOf = (url: string, credentials: RequestCredentials = 'omit') => credentials + ' ' + url;

/**
 * Watches the feed at `url` (absolute) for `owner`: `listener` gets the current copy at once if there
 * is one, then every new copy or error. Returns the function that stops watching.
 */
export function watchFeed(url: string, owner: object, options: WatchOptions, listener: Listener): () => void {
  const key = keyOf(url, options.credentials);
  const { entries } = sharedStore();
  const entry = entries.get(key) ?? createEntry(url, options.credentials ?? 'omit');
  entries.set(key, entry);
  entry.watch(owner, { listener, options });
  return () => entry.unwatch(owner);
}

/**
 * The feed at `url` if some widget watched it: `load()` loads it again now, for everyone watching it
 * (the retry button); `read(copy, failure?)` tells the store that a widget read `copy` (or could not).
 * Only a copy some widget could read is kept in `localStorage`; one none could read is dropped.
 */
export const findFeed = (url: string, credentials?: RequestCredentials): FeedEntry | undefined => sharedStore().entries.get(keyOf(url, credentials));

/**
 * A feed's next page (`url`, absolute), for "load more": one request while it is under way, however
 * many widgets ask for it. Shared only in flight: not kept, polled or stored, so a widget that asks
 * after the answer came fetches it afresh, as current as the first page it follows. The first
 * asker's timeout counts.
 */
export function requestNextPage(url: string, options: WatchOptions): Promise<FeedResponse> {
  const key = keyOf(url, options.credentials);
  const { pages } = sharedStore();
  let request = pages.get(key);
  if (!request) {
    pages.set(key, (request = requestFeed(url, options)));
    const done = () => pages.delete(key);
    request.then(done, done);
  }
  return request;
}

/** Forgets every feed kept in memory (for tests; stored copies stay). */
export function resetFeedStore(): void {
  sharedStore().entries.clear();
}

// The stored copies: at most 8 feeds of at most 512 K characters each, versioned by the key prefix,
// and never a reason to fail (storage can be missing, disabled, full, or throw in sandboxed frames).

function readStored(url: string): FeedResponse | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(storagePrefix + url) || '0');
    if (typeof stored.body == 'string' && typeof stored.url == 'string') return stored;
  } catch {}
  return undefined;
}

function store(url: string, response: FeedResponse): void {
  try {
    if (response.body.length > 512 * 1024) return;
    const key = storagePrefix + url;
    const value = JSON.stringify({ ...response, storedAt: Date.now() });
    try {
      localStorage.setItem(key, value);
    } catch {
      // Full: make room by dropping every other stored feed, then try once more.
      evictBeyond(0, key);
      localStorage.setItem(key, value);
    }
    evictBeyond(8);
  } catch {}
}

/** Drops the oldest stored feeds beyond `keep` (other than the one under `exceptKey`). */
function evictBeyond(keep: number, exceptKey?: string): void {
  Object.keys(localStorage)
    .filter((key) => key.startsWith(storageNamespace) && key != exceptKey)
    .map((key): [number, string] => {
      let storedAt = 0; // unreadable or from an older version: first to go
      try {
        storedAt = (key.startsWith(storagePrefix) && +JSON.parse(localStorage.getItem(key)!).storedAt) || 0;
      } catch {}
      return [storedAt, key];
    })
    .sort((a, b) => b[0] - a[0])
    .slice(keep)
    .forEach(([, key]) => localStorage.removeItem(key));
}
