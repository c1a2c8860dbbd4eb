/**
 * Keeps a widget's relative times current through the page's one shared clock. The host tells the
 * controller which dates it shows (in `willUpdate`); the controller subscribes for the earliest moment
 * any of their texts changes, and re-renders the host then. Disconnected widgets hold no timer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sharedClock } from '../../time/clock.js';
import { nextChangeAt, type TimeOptions } from '../../time/relative-time.js';

export class ClockController implements ReactiveController {
  /** The time the host renders against; moves forward only when a shown text would change. */
  now = Date.now();
  #dueAt: number | undefined;
  #connected = false;
  readonly #onTick = (now: number) => {
    this.now = now;
    this.#host.requestUpdate();
  };

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.now = Date.now();
    if (this.#dueAt! <= this.now) this.#host.requestUpdate(); // back after its text changed: current in this render, not at the next wake
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    sharedClock.unsubscribe(this);
  }

  /** Declares the dates currently shown; call from `willUpdate`. */
  watch(dates: Iterable<Date | undefined>, options?: TimeOptions): void {
    this.now = Date.now();
    let earliest: number | undefined;
    for (const date of dates) {
      const next = date ? nextChangeAt(date, this.now, options) : undefined;
      if (next !== undefined && (earliest === undefined || next < earliest)) earliest = next;
    }
    this.#dueAt = earliest;
    this.#subscribe();
  }

  #subscribe(): void {
    if (this.#connected) sharedClock.schedule(this, this.#onTick, this.#dueAt);
  }
}
