import { css } from 'lit';

/**
 * Styles both widgets share. Public tokens (`--news-*`) are read with a fallback into private
 * `--_*` variables on `:host`, so a page can set the public ones on the element or on any ancestor
 * (setting them on `:host` here would stop ancestors from theming). Defaults inherit the page's font
 * and colours, so an unstyled widget looks like part of the page it is on.
 */
export const sharedStyles = css`
  :host {
    --_font-family: var(--news-font-family, inherit);
    --_text-color: var(--news-text-color, inherit);
    --_muted-color: var(--news-muted-color, color-mix(in srgb, currentColor 72%, transparent));
    --_link-color: var(--news-link-color, inherit);
    --_background: var(--news-background, transparent);
    display: block;
    font-family: var(--_font-family);
    color: var(--_text-color);
    background: var(--_background);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none;
  }

  /* Hidden from view, still read by screen readers (an empty heading or label attribute). */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  a {
    color: var(--_link-color);
  }

  /* Titles are links but read as headings: underlined only on hover. */
  [part~='title'] a {
    text-decoration: none;
  }

  [part~='title'] a:hover {
    text-decoration: underline;
  }

  a:focus-visible,
  button:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }

  time,
  [part~='status'] {
    color: var(--_muted-color);
  }

  [part~='error'] p {
    margin: 0 0 0.5em;
  }

  button {
    font: inherit;
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: 0.25em 0.75em;
    cursor: pointer;
  }
`;
