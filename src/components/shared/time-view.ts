/**
 * A story's time as `<time datetime>`: the relative text ("9 часов назад") that the shared clock keeps
 * current, with the full localized date as a tooltip. Renders nothing for an undated story: no time
 * is better than a wrong one.
 *
 * On a server (lit SSR, `isServer`) the text is the absolute date ("3 мая") instead: server HTML is
 * read later, possibly much later and without scripts, and a relative time frozen at render time
 * ("2 часа назад" read two days on) would be wrong. Once the script runs, the element renders the
 * live relative time in the same `<time>`.
 */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import { formatAbsoluteDate, formatFullDate, formatRelativeTime, type TimeOptions } from '../../time/relative-time.js';

export function renderTime(date: Date | undefined, now: number, locale: string, options: TimeOptions): TemplateResult | typeof nothing {
  if (!date) return nothing;
  return html`<time part="time" datetime=${date.toISOString()} title=${formatFullDate(date, locale, options.timeZone)}
    >${isServer ? formatAbsoluteDate(date, now, locale, options.timeZone) : formatRelativeTime(date, now, locale, options)}</time
  >`;
}
