/**
 * Text derived from a story for display: the excerpt source (summary, else text, else the text of
 * its HTML) and whether its language differs from the UI's. Cached per story, because the clock
 * re-renders widgets every minute and HTML-to-text is the only costly step.
 */
import type { Feed, Story } from '../../feed/story.js';
import { htmlToText } from '../../sanitize/html-to-text.js';
import { normalizeWhitespace } from '../../text/excerpt.js';

const plainTextCache = new WeakMap<Story, string>();

/** The story's text as plain text: its summary, else its text content, else the text of its HTML. */
export function storyPlainText(story: Story): string {
  let text = plainTextCache.get(story);
  if (text === undefined) {
    text = normalizeWhitespace(story.summary ?? story.contentText ?? (story.contentHtml ? htmlToText(story.contentHtml) : ''));
    plainTextCache.set(story, text);
  }
  return text;
}

/**
 * The `lang` to put on a story's own text when it is not in the UI's language (WCAG 3.1.2), so a
 * screen reader switches voice for an English headline on a Russian page; `undefined` otherwise.
 * Text that declares no language is in the page's (`pageLang`, the closest `lang`): that differs
 * from the UI's where the page's language has no catalog, and the widget's `lang` would mislabel it.
 */
export function contentLang(story: Story, feed: Feed, uiLocale: string, pageLang?: string | null): string | undefined {
  const language = story.language ?? feed.language ?? pageLang;
  if (!language) return undefined;
  // `ru_RU` (an old CMS template's lang) is Russian too.
  const primary = (tag: string) => tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return primary(language) === primary(uiLocale) ? undefined : language;
}
