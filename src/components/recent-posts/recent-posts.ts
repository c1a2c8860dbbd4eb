/** Registers `<recent-posts>`. Safe to import or run twice on one page. */
import { RecentPostsElement } from './recent-posts.element.js';

RecentPostsElement.define();

export { RecentPostsElement };

declare global {
  interface HTMLElementTagNameMap {
    'recent-posts': RecentPostsElement;
  }
}
