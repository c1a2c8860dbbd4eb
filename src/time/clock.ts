/**
 * The one clock behind every relative time on the page.
 *
 * Each subscriber says when its text next changes (see `nextChangeAt`); the clock keeps a single
 * timer for the earliest of those moments, rounded up to the next whole minute of the wall clock.
 * Relative times read in minutes at the finest, but each changes at its own second (a story published
 * at 12:00:17 turns "1 minute ago" at 12:01:17): without the rounding, 500 times published at 500
 * different seconds would wake the page 500 times a minute. Rounded, every text that changed within
 * the minute is updated by one wake at its end, so 500 times on a page cost one timer that wakes at
 * most once a minute, and a text is never more than a minute late. While the page is hidden the timer is dropped (nobody
 * reads a background tab, and browsers throttle its timers anyway); when the page becomes visible
 * again every subscriber that fell due is updated at once. No DOM beyond `document.visibilityState`.
 */
export type ClockListener = (now: number) => void;

interface Subscription {
  listener: ClockListener;
  dueAt: number | undefined;
}

/** setTimeout cannot wait longer than 2^31-1 ms; longer waits are done in steps. */
const longestTimeout = 2 ** 31 - 1;

/** Wakes are rounded up to whole minutes of the wall clock: the finest unit a relative time shows. */
const wakeQuantum = 60_000;

export class SharedClock {
  readonly #subscriptions = new Map<object, Subscription>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDueAt = Infinity;
  #visibilityListening = false;

  /** How many timers are pending: 0 or 1, whatever the number of subscribers (for tests and the benchmark). */
  get pendingTimers(): number {
    return this.#timer === undefined ? 0 : 1;
  }

  /** How many widgets are subscribed (for tests and the benchmark). */
  get subscriberCount(): number {
    return this.#subscriptions.size;
  }

  /** Subscribes (or re-subscribes) `owner` to be called at `dueAt`; `undefined` means "never". */
  schedule(owner: object, listener: ClockListener, dueAt: number | undefined): void {
    this.#subscriptions.set(owner, { listener, dueAt });
    this.#listenToVisibility();
    this.#reschedule();
  }

  unsubscribe(owner: object): void {
    if (this.#subscriptions.delete(owner)) this.#reschedule();
  }

  #isHidden(): boolean {
    return typeof document !== 'undefined' && document.visibilityState === 'hidden';
  }

  #listenToVisibility(): void {
    if (this.#visibilityListening || typeof document === 'undefined') return;
    this.#visibilityListening = true;
    document.addEventListener('visibilitychange', () => (this.#isHidden() ? this.#reschedule() : this.tick()));
  }

  #reschedule(): void {
    let earliest = Infinity;
    if (!this.#isHidden()) {
      for (const { dueAt } of this.#subscriptions.values()) if (dueAt !== undefined && dueAt < earliest) earliest = dueAt;
    }
    if (earliest !== Infinity) earliest = Math.ceil(earliest / wakeQuantum) * wakeQuantum;
    if (earliest === this.#timerDueAt) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDueAt = earliest;
    if (earliest === Infinity) return;
    const delay = Math.min(Math.max(earliest - Date.now(), 0), longestTimeout);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerDueAt = Infinity;
      this.tick();
    }, delay);
  }

  // A TS-private method, not #private: the clock tests count wakes by spying on it.
  private tick(): void {
    const now = Date.now();
    for (const [owner, subscription] of [...this.#subscriptions]) {
      if (subscription.dueAt !== undefined && subscription.dueAt <= now) {
        // The listener normally re-subscribes with its next due time; until then it is not due again.
        this.#subscriptions.set(owner, { ...subscription, dueAt: undefined });
        subscription.listener(now);
      }
    }
    this.#reschedule();
  }
}

/** The page-wide clock all widgets share. */
export const sharedClock = new SharedClock();
