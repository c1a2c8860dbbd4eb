/**
 * The entry of the CDN module build (`dist/news-widgets.js`). `<recent-posts>` is registered at once;
 * `<featured-story>` is registered by a chunk fetched when the first `<featured-story>` enters the
 * document, so a page with only a list of posts never downloads the story's code. The npm entries
 * (`news-widgets/define` and the per-element ones) and the classic `dist/news-widgets.iife.js`
 * register both elements at once.
 */
import './components/recent-posts/recent-posts.js';

const featuredTag = 'featured-story';
const loadFeaturedStory = () => import('./components/featured-story/featured-story.js');

if (typeof document !== 'undefined' && !customElements.get(featuredTag)) {
  if (document.querySelector(featuredTag)) {
    void loadFeaturedStory();
  } else {
    // One document-wide observer until the first story appears (a CMS or a framework may add it
    // later). It looks only inside what was added, so a busy page without a story pays for its
    // own additions, never for a walk of the whole document; it stops at the first story.
    const isOrHoldsStory = (node: Node) => node instanceof Element && (node.localName === featuredTag || node.getElementsByTagName(featuredTag).length > 0);
    const watcher = new MutationObserver((records) => {
      if (!records.some((record) => [...record.addedNodes].some(isOrHoldsStory))) return;
      watcher.disconnect();
      void loadFeaturedStory();
    });
    watcher.observe(document, { childList: true, subtree: true });
  }
}
