/**
 * A story's time as `<time datetime>`: the relative text ("9 часов назад") that the shared clock keeps
 * current, with the full localized date as a tooltip. Renders nothing for an undated story: no time
 * is better than a wrong one.
 */
import { html, nothing } from 'lit';
import { formatFullDate, formatRelativeTime, type TimeOptions } from '../../time/relative-time.js';

export function renderTime(date: Date | undefined, now: number, locale: string, options: TimeOptions) {
  if (!date) return nothing;
  return html`<time part="time" datetime=${date.toISOString()} title=${formatFullDate(date, locale, options.timeZone)}
    >${formatRelativeTime(date, now, locale, options)}</time
  >`;
}
