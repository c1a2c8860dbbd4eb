import { css } from 'lit';

/**
 * Styles both widgets share: the theming tokens, the colour schemes, the skeleton, focus, print,
 * forced colours and reduced motion.
 *
 * Public tokens (`--news-*`) are read with a fallback into private `--_*` variables on `:host`, so a
 * page can set the public ones on the element or on any ancestor (setting them on `:host` here would
 * stop ancestors from theming). Without a `theme` attribute the widget takes the page's font and
 * colours, so it looks like part of the page it is on; `theme="light|dark|auto"` brings palettes
 * whose text, muted text and links all reach 4.5:1 against their background and surface, and whose
 * focus ring reaches 3:1.
 *
 * Sizes are in `em` of the widget's font size, so the widget scales with the page's text (and with
 * zoom). Line counts (`--news-title-lines`, `--news-excerpt-lines`) both clamp the text and reserve
 * its space, which is what lets the loading skeleton have the final size.
 */
export const sharedStyles = css`
  :host {
    /* Palettes: only used when the theme attribute asks for one. */
    --_theme-text: currentColor;
    --_theme-muted: color-mix(in srgb, currentColor 72%, transparent);
    --_theme-link: currentColor;
    --_theme-link-hover: currentColor;
    --_theme-background: transparent;
    --_theme-surface: color-mix(in srgb, currentColor 5%, transparent);
    --_theme-border: color-mix(in srgb, currentColor 22%, transparent);
    --_theme-focus: currentColor;

    --_font-family: var(--news-font-family, inherit);
    --_heading-font-family: var(--news-heading-font-family, var(--_font-family));
    --_font-size: var(--news-font-size, 1em);
    --_heading-size: var(--news-heading-size, 1.25em);
    --_small-size: var(--news-small-size, 0.875em);
    --_line-height: var(--news-line-height, 1.5);
    --_text-color: var(--news-text-color, var(--_theme-text));
    --_muted-color: var(--news-muted-color, var(--_theme-muted));
    --_link-color: var(--news-link-color, var(--_theme-link));
    --_link-hover-color: var(--news-link-hover-color, var(--_theme-link-hover));
    --_background: var(--news-background, var(--_theme-background));
    --_surface: var(--news-surface, var(--_theme-surface));
    --_border-color: var(--news-border-color, var(--_theme-border));
    --_focus-ring-color: var(--news-focus-ring-color, var(--_theme-focus));
    --_gap: var(--news-gap, 1em);
    --_padding: var(--news-padding, 0);
    --_radius: var(--news-radius, 0.5em);
    --_image-aspect-ratio: var(--news-image-aspect-ratio, 16 / 9);
    --_title-lines: var(--news-title-lines, 3);
    --_excerpt-lines: var(--news-excerpt-lines, 3);

    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text-color);
    background: var(--_background);
    overflow-wrap: anywhere;
    /* What a CMS content area sets for its article text (a first-line indent, justified text, no
       wrapping in a nowrap table cell, capitals, spacing, italics) would be inherited by every title and
       excerpt. Only the font and colour come from the page; set on the element itself, these still apply. */
    text-align: start;
    text-indent: 0;
    white-space: normal;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    font-style: normal;
    font-weight: normal;
    text-shadow: none;
  }

  :host([hidden]) {
    display: none;
  }

  /* Layouts follow the width the widget is given, not the viewport's: each widget's outermost box
     inside is a size container (news-widget). Not :host: a container has no width of its own content,
     so in a box that takes its width from its content (a table cell without a width, a float, an
     inline-block, a flex or grid item sized by content) the widget collapsed to nothing. This empty
     strut, outside the container, is what the widget asks for there instead: 30em if there is room,
     shrinking to nothing where there is not (its grid track is minmax(0, 30em)), so a narrow
     fixed-width table cell is not widened either. */
  :host::before {
    content: '';
    display: grid;
    grid-template-columns: minmax(0, 30em);
  }

  :host([theme='light']),
  :host([theme='auto']) {
    color-scheme: light;
    --_theme-text: #1b1f24;
    --_theme-muted: #57606a;
    --_theme-link: #0a58ca;
    --_theme-link-hover: #06357a;
    --_theme-background: #ffffff;
    --_theme-surface: #f4f6f8;
    --_theme-border: #c9d1d9;
    --_theme-focus: #0a58ca;
  }

  :host([theme='dark']) {
    color-scheme: dark;
    --_theme-text: #e6edf3;
    --_theme-muted: #a5afba;
    --_theme-link: #79b8ff;
    --_theme-link-hover: #c8e1ff;
    --_theme-background: #0d1117;
    --_theme-surface: #161b22;
    --_theme-border: #3d444d;
    --_theme-focus: #79b8ff;
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      --_theme-text: #e6edf3;
      --_theme-muted: #a5afba;
      --_theme-link: #79b8ff;
      --_theme-link-hover: #c8e1ff;
      --_theme-background: #0d1117;
      --_theme-surface: #161b22;
      --_theme-border: #3d444d;
      --_theme-focus: #79b8ff;
    }
  }

  [part~='base'] {
    padding: var(--_padding);
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

  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    font-family: var(--_heading-font-family);
  }

  a {
    color: var(--_link-color);
  }

  a:hover {
    color: var(--_link-hover-color);
  }

  /* Titles are links but read as headings: underlined only on hover. */
  [part~='title'] a {
    text-decoration: none;
  }

  [part~='title'] a:hover {
    text-decoration: underline;
  }

  /* A title's link is at least 24px tall (WCAG 2.5.8) and clamped to the reserved lines. */
  .clamp-title {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_title-lines);
    line-clamp: var(--_title-lines);
    overflow: hidden;
    min-block-size: 24px;
    min-inline-size: 24px;
  }

  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 2px;
  }

  /* The clamp, and featured-story's body (clamped by --news-body-lines), hide overflow, which would
     cut the outline: draw it inside instead. */
  :is(.clamp-title, [part~='body'] a):focus-visible {
    outline-offset: -2px;
  }

  time,
  [part~='status'] {
    color: var(--_muted-color);
    font-size: var(--_small-size);
  }

  time {
    white-space: nowrap;
  }

  [part~='error'] {
    padding: 0.75em 1em;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [part~='error'] p {
    margin: 0 0 0.5em;
  }

  [part~='error-title'] {
    font-weight: 600;
  }

  button {
    font: inherit;
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: 0.25em 0.75em;
    color: var(--_text-color);
    background: var(--_surface);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  button:hover {
    border-color: currentColor;
  }

  .image-frame {
    position: relative;
    aspect-ratio: var(--_image-aspect-ratio);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [part~='image'] {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  [part~='footer'] {
    margin-block-start: var(--_gap);
  }

  /* The loading skeleton: bars of the final layout's size, shimmering unless motion is reduced. */
  [part~='skeleton'] .bar {
    display: block;
    block-size: 0.8em;
    margin-block: 0.35em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    background-image: linear-gradient(90deg, transparent, color-mix(in srgb, var(--_border-color) 45%, transparent), transparent);
    background-size: 200% 100%;
    animation: news-shimmer 1.6s linear infinite;
  }

  [part~='skeleton'] .bar:last-child {
    inline-size: 60%;
  }

  @keyframes news-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }

  /* Windows high contrast: system colours, and borders where backgrounds carried the shapes. */
  @media (forced-colors: active) {
    :host {
      --_muted-color: CanvasText;
      --_border-color: CanvasText;
      --_focus-ring-color: Highlight;
    }

    a {
      color: LinkText;
    }

    [part~='skeleton'] .bar,
    .image-frame {
      border: 1px solid GrayText;
    }

    button {
      border-color: ButtonText;
    }
  }

  /* On paper: no skeleton or buttons, titles whole, and every story's address printed after it. */
  @media print {
    :host {
      color: #000;
      background: none;
    }

    [part~='skeleton'],
    button {
      display: none !important;
    }

    .clamp-title,
    .clamp {
      display: block;
      -webkit-line-clamp: none;
      line-clamp: none;
      overflow: visible;
    }

    [part~='title'] a {
      color: #000;
      text-decoration: underline;
    }

    [part~='title'] a[href]::after {
      content: ' (' attr(href) ')';
      font-weight: normal;
      font-size: 0.8em;
      overflow-wrap: anywhere;
    }
  }
`;
