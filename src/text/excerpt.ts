/**
 * Cuts an excerpt to a length, the way an editor would: at a word boundary, ended with "…" only when
 * something was cut. Length is counted in graphemes (what a reader sees as one character), and the
 * cut never falls inside a word, a grapheme (emoji, combining marks) or a surrogate pair.
 * `Intl.Segmenter` does the segmentation where the browser has it; older engines fall back to
 * code points kept together with their combining marks and joiners, and whitespace as word breaks.
 * No DOM.
 */
const ellipsis = '…';

/** Collapses runs of whitespace (newlines from HTML, tabs) into single spaces. */
export function normalizeWhitespace(text: string): string {
  // Non-breaking spaces are kept: they hold "3 450" and "21:00" together on purpose.
  return text.replace(/[^\S\u00A0\u202F]+/gu, ' ').trim();
}

// The shared clock re-renders every widget when a time changes: excerpts must not be cut again each
// time. Results are kept for the latest texts (bounded), and segmenters per locale, since creating
// an Intl.Segmenter costs far more than using one.
const maxCachedExcerpts = 2000;
const excerpts = new Map<string, string>();
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string | undefined, granularity: 'grapheme' | 'word'): Intl.Segmenter {
  const key = `${locale}\u0000${granularity}`;
  let found = segmenters.get(key);
  if (!found) segmenters.set(key, (found = new Intl.Segmenter(locale, { granularity })));
  return found;
}

/** Returns `text` (whitespace-normalized) if it fits in `maxLength` graphemes, else a cut version ending in "…". */
export function cutExcerpt(text: string, maxLength: number, locale?: string): string {
  const key = `${locale}\u0000${maxLength}\u0000${text}`;
  let excerpt = excerpts.get(key);
  if (excerpt === undefined) {
    excerpt = cutNow(text, maxLength, locale);
    if (excerpts.size >= maxCachedExcerpts) excerpts.delete(excerpts.keys().next().value!);
    excerpts.set(key, excerpt);
  }
  return excerpt;
}

function cutNow(text: string, maxLength: number, locale?: string): string {
  const normalized = normalizeWhitespace(text);
  const limit = Math.max(1, Math.floor(maxLength) || 1);
  const graphemes = splitGraphemes(normalized, locale);
  if (graphemes.length <= limit) return normalized;

  // Room for the text itself: the ellipsis takes one grapheme of the budget.
  const room = limit - ellipsis.length;
  const head = graphemes.slice(0, room + 1).join('');
  const boundary = lastWordBoundary(normalized, head, room, graphemes, locale);
  let cut = boundary > 0 ? head.slice(0, boundary) : graphemes.slice(0, room).join('');
  // Trailing spaces, dashes, opening brackets and quotes, clause punctuation and full stops look
  // wrong before "…" ("word, …", "文章は、…", "المدينة،…", "инициатив.…"); "?" and "!" stay.
  cut = cut.replace(/[\s,;:."\p{Pd}\p{Ps}\p{Pi}、，；،؛。…]+$/u, '');
  return cut ? cut + ellipsis : graphemes.slice(0, room).join('') + ellipsis;
}

function splitGraphemes(text: string, locale?: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    return Array.from(segmenter(locale, 'grapheme').segment(text), (part) => part.segment);
  }
  // Fallback: a code point plus any combining marks, variation selectors and ZWJ sequences after it.
  return text.match(/\P{M}(?:[\p{M}\u{FE00}-\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\P{M}[\p{M}\u{FE0F}]*)*|\p{M}+/gu) ?? [];
}

/**
 * The UTF-16 offset in `head` of the last word boundary that keeps at most `room` graphemes before
 * it, or 0 when the only word runs past the limit. `head` holds one grapheme more than the room,
 * so a word that ends exactly at the limit is recognised as whole. Words are found in the whole
 * `text`: segmented cut short, a run of Thai or Chinese splits into other dictionary words, and
 * the cut could fall inside a real word ("…ช่องว่างระ…", "中文" cut to "中").
 */
function lastWordBoundary(text: string, head: string, room: number, graphemes: string[], locale?: string): number {
  const roomOffset = graphemes.slice(0, room).join('').length;
  if (typeof Intl.Segmenter === 'function') {
    let boundary = 0;
    for (const { index, segment, isWordLike } of segmenter(locale, 'word').segment(text)) {
      const end = index + segment.length;
      // A word-like segment that reaches past the room is cut: stop before it.
      if (end > roomOffset) break;
      if (isWordLike || /\S/u.test(segment)) boundary = end;
    }
    return boundary;
  }
  const withinRoom = head.slice(0, roomOffset);
  if (/\s/u.test(head.charAt(roomOffset)) || head.length === roomOffset) return withinRoom.length;
  const lastSpace = withinRoom.search(/\s\S*$/u);
  return lastSpace > 0 ? lastSpace : 0;
}
