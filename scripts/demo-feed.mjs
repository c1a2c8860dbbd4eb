// The demo feeds (demo/feeds/*.json) carry no fixed dates: a fixed date would make the demo read
// "3 months ago" a season after it was written. Each item instead says how old it should look, in a
// JSON Feed extension object (`"_demo": { "minutes_ago": 540 }`), and the demo server turns that into
// `date_published` at request time with this function.
//
// Pure: no I/O, no clock of its own (the caller passes `now`), and the input is never modified.

const MINUTE_MS = 60_000;

/**
 * Returns a copy of a JSON Feed document in which every item that has a numeric
 * `_demo.minutes_ago` gets `date_published` = `now` − `minutes_ago`, as an RFC 3339
 * UTC timestamp to the second (e.g. "2025-05-08T06:12:00Z"). Items without it keep
 * whatever date they have.
 *
 * @param {object} feed A parsed JSON Feed document.
 * @param {number | Date} [now] The moment the feed is served; defaults to the current time.
 * @returns {object} The materialized copy.
 */
export function materializeDemoFeed(feed, now = Date.now()) {
  if (feed === null || typeof feed !== 'object' || Array.isArray(feed)) {
    throw new TypeError('materializeDemoFeed: expected a JSON Feed object');
  }
  const nowMs = now instanceof Date ? now.getTime() : now;
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) {
    throw new TypeError('materializeDemoFeed: `now` must be a finite number of milliseconds or a valid Date');
  }

  const copy = structuredClone(feed);
  if (!Array.isArray(copy.items)) return copy;

  for (const item of copy.items) {
    const minutesAgo = item?._demo?.minutes_ago;
    if (typeof minutesAgo !== 'number' || !Number.isFinite(minutesAgo)) continue;
    item.date_published = toRfc3339(nowMs - minutesAgo * MINUTE_MS);
  }
  return copy;
}

/** "2025-05-08T06:12:34Z": toISOString() without the milliseconds, which RFC 3339 leaves optional. */
function toRfc3339(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
