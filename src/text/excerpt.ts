/**
 * Cuts an excerpt to a length, the way an editor would: at a word boundary, ended with "…" only when
 * something was cut. Length is counted in graphemes (what a reader sees as one character), and the
 * cut never falls inside a word, a grapheme (emoji, combining marks) or a surrogate pair.
 * `Intl.Segmenter` does the segmentation where the browser has it; older engines fall back to
 * code points kept together with their combining marks and joiners, and whitespace as word breaks.
 * No DOM.
 */
import { boundedCache, memoize } from '../time/intl-cache.js';

const ellipsis = '…';

/** Collapses runs of whitespace (newlines from HTML, tabs) into single spaces. */
export function normalizeWhitespace(text: string): string {
  // Non-breaking spaces are kept: they hold "3 450" and "21:00" together on purpose.
  return text.replace(/[^\S\u00A0\u202F]+/gu, ' ').trim();
}

// The shared clock re-renders every widget when a time changes: excerpts must not be cut again each
// time. Results are kept for the latest texts (bounded), and segmenters with the Intl formatters,
// since creating an Intl.Segmenter costs far more than using one.
const cachedExcerpt = boundedCache<string>(2000);

const segmenter = (locale: string | undefined, granularity: 'grapheme' | 'word'): Intl.Segmenter =>
  memoize(`s${granularity} ${locale}`, () => new Intl.Segmenter(locale, { granularity }));

/** Returns `text` (whitespace-normalized) if it fits in `maxLength` graphemes, else a cut version ending in "…". */
export const cutExcerpt = (text: string, maxLength: number, locale?: string): string =>
  cachedExcerpt(`${locale}\u0000${maxLength}\u0000${text}`, () => cutNow(text, maxLength, locale));

function cutNow(text: string, maxLength: number, locale?: string): string {
  const normalized = normalizeWhitespace(text);
  const limit = Math.max(1, Math.floor(maxLength) || 1);
  const graphemes = splitGraphemes(normalized, limit, locale);
  if (graphemes.length <= limit) return normalized;

  // The graphemes that fit: the ellipsis takes one of the budget.
  const fitting = graphemes.slice(0, limit - 1).join('');
  const boundary = lastWordBoundary(normalized, fitting.length, locale);
  // Trailing spaces, dashes, opening brackets and quotes, clause punctuation and full stops look
  // wrong before "…" ("word, …", "文章は、…", "المدينة،…", "инициатив.…"); "?" and "!" stay.
  const cut = (boundary ? fitting.slice(0, boundary) : fitting).replace(/[\s,;:."\p{Pd}\p{Ps}\p{Pi}、，；،؛。…]+$/u, '');
  return (cut || fitting) + ellipsis;
}

/**
 * The graphemes of `text`, or of enough of its start to hold more than `limit` of them: an excerpt
 * of a long article needs its first 160, and Node 20's Intl.Segmenter copies the whole input for
 * every segment (50,000 characters split whole exhaust a server's heap). A grapheme boundary depends
 * only on the characters before it and the one after, so every segment of a prefix but the last (which
 * may be cut short) is one of the whole text: more than `limit` of them are the real first ones.
 */
function splitGraphemes(text: string, limit: number, locale?: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    for (let size = limit * 4; ; size *= 2) {
      // Spread, not Array.from: old CMS pages load libraries (MooTools, Prototype.js) that replace
      // Array.from with one that ignores the mapping function and wraps what has no length.
      const graphemes = [...segmenter(locale, 'grapheme').segment(text.slice(0, size))].map((part) => part.segment);
      if (graphemes.length > limit || size >= text.length) return graphemes;
    }
  }
  // Fallback: a code point plus any combining marks, variation selectors and ZWJ sequences after it.
  return text.match(/\P{M}(?:[\p{M}\u{FE00}-\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\P{M}[\p{M}\u{FE0F}]*)*|\p{M}+/gu) ?? [];
}

/**
 * The UTF-16 offset in `text` of the last word boundary at or before `room` (the end of the
 * graphemes that fit), or 0 when the only word runs past it. Words are found in the whole `text`:
 * segmented cut short, a run of Thai or Chinese splits into other dictionary words, and the cut
 * could fall inside a real word ("…ช่องว่างระ…", "中文" cut to "中").
 */
function lastWordBoundary(text: string, room: number, locale?: string): number {
  if (typeof Intl.Segmenter === 'function') {
    let boundary = 0;
    for (const { index, segment, isWordLike } of segmenter(locale, 'word').segment(text)) {
      const end = index + segment.length;
      // A word-like segment that reaches past the room is cut: stop before it.
      if (end > room) break;
      if (isWordLike || /\S/u.test(segment)) boundary = end;
    }
    return boundary;
  }
  // Older engines: the room's end if a space follows it, else the last space in the room.
  return /\s/u.test(text.charAt(room)) ? room : Math.max(0, text.slice(0, room).search(/\s\S*$/u));
}
