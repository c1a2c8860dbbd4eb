/**
 * Registers both elements, `<featured-story>` and `<recent-posts>`. The bundles' entry point;
 * importing it twice, or loading both bundles on one page, is harmless.
 */
import './components/featured-story/featured-story.js';
import './components/recent-posts/recent-posts.js';

export * from './index.js';
