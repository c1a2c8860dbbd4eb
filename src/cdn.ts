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
    // later); a tag lookup per batch of mutations costs next to nothing, and it stops at once.
    const watcher = new MutationObserver(() => {
      if (!document.querySelector(featuredTag)) return;
      watcher.disconnect();
      void loadFeaturedStory();
    });
    watcher.observe(document, { childList: true, subtree: true });
  }
}
