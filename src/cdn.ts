/**
 * The entry of the CDN module build (`dist/news-widgets.js`). `<recent-posts>` is registered at once;
 * `<featured-story>` is registered by a chunk fetched when the first `<featured-story>` enters the
 * document, so a page with only a list of posts never downloads the story's code. The npm entries
 * (`news-widgets/define` and the per-element ones) and the classic `dist/news-widgets.iife.js`
 * register both elements at once.
 */
import './components/recent-posts/recent-posts.js';
import { inlineFeedText } from './components/shared/inline-feed.js';
import { watchFeed } from './feed/feed-store.js';

const featuredTag = 'featured-story';

/**
 * Fetches the story's code and, at the same time, the feeds of the stories already found, so a page
 * with only a story waits for one round trip, not two in a row. The requests go through the page's
 * feed store, which each story takes over when it upgrades: held until then, they are shared with
 * the story, never made twice. Left to the story itself: a lazy one, one with its feed printed inside
 * or given as its `feed` property, and one with its own `credentials` or `timeout` (rare; the store keys and times requests by them).
 */
function loadFeaturedStory(stories: Iterable<Element>): void {
  const releases: (() => void)[] = [];
  for (const story of stories) {
    const src = story.getAttribute('src')?.trim(); // only spaces is no src, as for the story itself
    // `feed` set before the upgrade (by a framework) takes precedence over `src`: nothing to fetch.
    if (!src || 'feed' in story || story.getAttribute('loading') === 'lazy' || story.hasAttribute('credentials') || story.hasAttribute('timeout') || inlineFeedText(story) !== undefined) continue;
    try {
      releases.push(watchFeed(new URL(src, story.ownerDocument.baseURI).href, releases, {}, () => {}));
    } catch {
      // not a URL: the story reports it
    }
  }
  const release = () => releases.forEach((stop) => stop());
  // Released a task after the chunk ran: by then the upgraded stories have watched their feeds.
  import('./components/featured-story/featured-story.js').then(
    () => setTimeout(release),
    (error: unknown) => {
      release();
      throw error; // reported as the failed import it is
    },
  );
}

if (typeof document !== 'undefined' && !customElements.get(featuredTag)) {
  const present = document.getElementsByTagName(featuredTag);
  if (present.length) {
    loadFeaturedStory(present);
  } else {
    // One document-wide observer until the first story appears (a CMS or a framework may add it
    // later). It looks only inside what was added, so a busy page without a story pays for its
    // own additions, never for a walk of the whole document; it stops at the first story.
    const storiesIn = (node: Node): Element[] =>
      node instanceof Element ? (node.localName === featuredTag ? [node] : [...node.getElementsByTagName(featuredTag)]) : [];
    const watcher = new MutationObserver((records) => {
      const added = records.flatMap((record) => [...record.addedNodes].flatMap(storiesIn));
      if (!added.length) return;
      watcher.disconnect();
      loadFeaturedStory(added);
    });
    watcher.observe(document, { childList: true, subtree: true });
  }
}
