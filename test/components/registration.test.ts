import { expect } from '@open-wc/testing';
import { FeaturedStoryElement, RecentPostsElement } from '../../src/index.js';

describe('registering the elements', () => {
  it('importing the package entry registers nothing; define() registers under any name, twice without error', async () => {
    // This file imports only src/index.ts: nothing may be defined by that alone.
    expect(customElements.get('recent-posts')).to.equal(undefined);
    expect(customElements.get('featured-story')).to.equal(undefined);
    RecentPostsElement.define();
    RecentPostsElement.define();
    RecentPostsElement.define('city-news');
    FeaturedStoryElement.define('city-story');
    expect(customElements.get('recent-posts')).to.equal(RecentPostsElement);
    expect(new (customElements.get('city-news')!)()).to.be.instanceOf(RecentPostsElement);
    expect(new (customElements.get('city-story')!)()).to.be.instanceOf(FeaturedStoryElement);
  });

  it('registers in a registry it is given (a scoped registry, where the browser has them)', () => {
    const Registry = (window as { CustomElementRegistry: { new (): CustomElementRegistry } }).CustomElementRegistry;
    let registry: CustomElementRegistry;
    try {
      registry = new Registry(); // scoped custom element registries
    } catch {
      // Not in this engine yet: any object with the registry's get/define is used the same way.
      const definitions = new Map<string, CustomElementConstructor>();
      registry = { get: (name: string) => definitions.get(name), define: (name: string, constructor: CustomElementConstructor) => definitions.set(name, constructor) } as unknown as CustomElementRegistry;
    }
    RecentPostsElement.define('scoped-news', registry);
    expect(registry.get('scoped-news')).to.not.equal(undefined);
    expect(customElements.get('scoped-news')).to.equal(undefined, 'the page registry is left alone');
  });
});
