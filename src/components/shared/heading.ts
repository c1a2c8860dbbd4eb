/**
 * Headings at a level the page chooses (`heading-level`), as real `<h1>`…`<h6>` elements: a
 * widget dropped under a page's `<h2>` must not break its outline, and screen-reader users navigate
 * by heading level. lit cannot bind a tag name, so each level has its own template; they are the
 * same template six times, which compresses to almost nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface HeadingOptions {
  part: string;
  id?: string;
  className?: string;
  dir?: string;
  lang?: string;
}

/** A heading level from an attribute value: an integer from 1 to 6, else `fallback`. */
export function headingLevel(value: unknown, fallback: number): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
}

export function renderHeading(level: number, { part, id, className, dir, lang }: HeadingOptions, content: unknown): TemplateResult {
  const cls = className ?? nothing;
  const i = id ?? nothing;
  const d = dir ?? nothing;
  const l = lang ?? nothing;
  switch (level) {
    case 1:
      return html`<h1 part=${part} id=${i} class=${cls} dir=${d} lang=${l}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part} id=${i} class=${cls} dir=${d} lang=${l}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} id=${i} class=${cls} dir=${d} lang=${l}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} id=${i} class=${cls} dir=${d} lang=${l}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} id=${i} class=${cls} dir=${d} lang=${l}>${content}</h5>`;
    default:
      return html`<h6 part=${part} id=${i} class=${cls} dir=${d} lang=${l}>${content}</h6>`;
  }
}
