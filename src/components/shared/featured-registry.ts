/**
 * Which story each `<featured-story>` on the page shows, by feed URL, so that a
 * `<recent-posts exclude-featured>` reading the same feed can leave that story out instead of
 * listing it twice. A page-level map, not a global setting: it only ever holds what is on screen.
 */
const shownByFeed = new Map<string, Map<object, string>>();
const listeners = new Set<() => void>();

/** Records (or, with `undefined`, forgets) the story `owner` features from the feed at `feedKey`. */
export function setFeaturedStory(owner: object, feedKey: string | undefined, storyId: string | undefined): void {
  let changed = false;
  for (const [key, owners] of shownByFeed) {
    if (key !== feedKey && owners.delete(owner)) changed = true;
  }
  if (feedKey && storyId) {
    const owners = shownByFeed.get(feedKey) ?? new Map<object, string>();
    if (owners.get(owner) !== storyId) changed = true;
    owners.set(owner, storyId);
    shownByFeed.set(feedKey, owners);
  } else if (feedKey && shownByFeed.get(feedKey)?.delete(owner)) {
    changed = true;
  }
  if (changed) listeners.forEach((listener) => listener());
}

/** The ids of the stories featured from the feed at `feedKey`. */
export function featuredStoryIds(feedKey: string | undefined): Set<string> {
  return new Set(feedKey ? shownByFeed.get(feedKey)?.values() : []);
}

export function onFeaturedChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
