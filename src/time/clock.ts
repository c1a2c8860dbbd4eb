/**
 * The one clock behind every relative time on the page.
 *
 * Each subscriber says when its text next changes (see `nextChangeAt`); the clock keeps a single
 * timer for the earliest of those moments. Relative times read in minutes at the finest, but each
 * changes at its own second (a story published at 12:00:17 turns "1 minute ago" at 12:01:17): woken at
 * every such moment, 500 times published at 500 different seconds would wake the page 500 times a
 * minute. So a change is shown at its very moment only when the page has not been woken in the minute
 * before; otherwise it waits for the next whole minute of the wall clock, and every text that changed
 * in between is updated by that one wake. A single time, or many published at the same second, thus
 * changes to the millisecond ("9 hours ago" turns "10 hours ago" exactly 10 hours after), while 500
 * times at 500 seconds cost one timer that wakes about once a minute, and a text is never more than a
 * minute late. While the page is hidden the timer is dropped (nobody reads a background tab, and
 * browsers throttle its timers anyway); when the page becomes visible again every subscriber that fell
 * due is updated at once. No DOM beyond `document.visibilityState`.
 */
export type ClockListener = (now: number) => void;

interface Subscription {
  listener: ClockListener;
  dueAt: number | undefined;
}

/** setTimeout cannot wait longer than 2^31-1 ms; longer waits are done in steps. */
const longestTimeout = 2 ** 31 - 1;

/** A minute, the finest unit a relative time shows: within one of the last wake, wakes keep to whole minutes. */
const minute = 60_000;

export class SharedClock {
  readonly #subscriptions = new Map<object, Subscription>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDueAt = Infinity;
  #lastWakeAt = -Infinity;
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
    if (!this.#subscriptions.delete(owner)) return;
    if (!this.#subscriptions.size) this.#lastWakeAt = -Infinity; // the times woken then are gone with their widgets
    this.#reschedule();
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
    // A last wake in the future means the clock was set back: it no longer holds the next one back.
    if (this.#lastWakeAt > Date.now()) this.#lastWakeAt = -Infinity;
    if (earliest < this.#lastWakeAt + minute) earliest = Math.ceil(earliest / minute) * minute;
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
    const now = (this.#lastWakeAt = Date.now());
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
