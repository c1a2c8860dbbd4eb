/**
 * Stories whose fields are read from their source item when first used, then kept (or as written),
 * for every feed format: a widget that shows 5 stories of 1,000 reads the titles, bodies, images,
 * authors and tags of those 5, while choosing and sorting read only ids and dates. The result is the
 * same as reading everything at once.
 *
 * The accessors are shared by every story of a format (many stories then share one shape, which is
 * fast to create); each story's own function, under a symbol no one enumerates, reads its item.
 * Through a proxy (a framework's reactive state) or on a frozen story they still work: nothing is
 * redefined. No DOM.
 */
import type { Story } from './story.js';

/** How each field of a story is read from its item, given what the whole feed shares (`context`); a format lists the fields it has. */
export type StoryReaders<Item, Context> = { [Key in Exclude<keyof Story, 'id'>]?: (item: Item, context: Context) => Story[Key] };

const read = Symbol();
type LazyStory = Story & { [read]: (key: string, written?: [unknown]) => unknown };

/** A function that makes lazy stories from `readers`: `create(id, item, context)`. */
export function lazyStories<Item, Context>(readers: StoryReaders<Item, Context>) {
  const descriptors: PropertyDescriptorMap = { [read]: { writable: true } };
  for (const key in readers) {
    descriptors[key] = {
      enumerable: true,
      configurable: true,
      get(this: LazyStory) {
        return this[read](key);
      },
      set(this: LazyStory, value: unknown) {
        this[read](key, [value]);
      },
    };
  }
  const fieldReaders = readers as unknown as Record<string, (item: Item, context: Context) => unknown>;
  return (id: string, item: Item, context: Context): Story => {
    const story = Object.defineProperties({ id }, descriptors) as LazyStory;
    const values: Record<string, unknown> = {};
    story[read] = (key, written) => (written ? (values[key] = written[0]) : key in values ? values[key] : (values[key] = fieldReaders[key]!(item, context)));
    return story;
  };
}
