/** Registers `<featured-story>`. Safe to import or run twice on one page. */
import { FeaturedStoryElement } from './featured-story.element.js';

FeaturedStoryElement.define();

export { FeaturedStoryElement };

declare global {
  interface HTMLElementTagNameMap {
    'featured-story': FeaturedStoryElement;
  }
}
