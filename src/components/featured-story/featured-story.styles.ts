import { css } from 'lit';

/**
 * `<featured-story>`: label, title, image, body and meta in one column; from a container width of
 * 36em, the image sits beside the text. The skeleton uses the same grid, so it has the shape of the
 * story it stands in for.
 */
export const featuredStoryStyles = css`
  :host {
    --_title-lines: var(--news-title-lines, 4);
  }

  .stack {
    display: grid;
    container: news-widget / inline-size;
  }

  /* The story and its skeleton share one cell: it is as tall as the taller of the two. */
  .stack > * {
    grid-area: 1 / 1;
    min-inline-size: 0;
  }

  /* The skeleton after the story arrived: still holding its space. */
  .spent {
    visibility: hidden;
  }

  /* A sibling of the base part, not inside it: padded like it, to reserve the same size. */
  [part~='skeleton'] {
    padding: var(--_padding);
  }

  .story {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    column-gap: calc(var(--_gap) * 1.5);
  }

  [part~='label'],
  .label-space {
    font-size: var(--_small-size);
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted-color);
    margin: 0 0 0.5em;
  }

  [part~='title'],
  .title-space {
    font-size: var(--news-title-size, 1.75em);
    line-height: 1.25;
    margin: 0 0 0.5em;
  }

  .image-frame {
    margin: 0 0 var(--_gap);
  }

  /* The skeleton reserves the most the story can take where it is clamped (the title's lines, two
     lines of meta), so the story is never taller there: it can only leave space, not push. */
  .title-space {
    block-size: calc(var(--_title-lines) * 1.25em);
    overflow: hidden;
  }

  [part~='skeleton'] .title-bar {
    block-size: 0.9em;
    margin-block: 0.175em;
  }

  /* A byline wraps in a narrow column: three lines of reserve there, two where it is wide. */
  .meta-space {
    block-size: calc(3 * var(--_line-height) * 1em + 0.5em);
    align-content: start;
  }

  /* The body's reserved lines: \`--news-body-lines\` when set (then the story fits it exactly), else three. */
  .body-space {
    block-size: calc(var(--news-body-lines, 3) * 1lh);
    overflow: hidden;
  }

  .meta-space .bar {
    inline-size: 40%;
  }

  [part~='body'] {
    max-block-size: calc(var(--news-body-lines, none) * 1lh);
    overflow: hidden;
  }

  [part~='body'] > :first-child {
    margin-block-start: 0;
  }

  [part~='body'] img {
    max-inline-size: 100%;
    block-size: auto;
  }

  /* Code lines wrap: the body's clip would cut them off in a narrow column. */
  [part~='body'] pre {
    white-space: pre-wrap;
  }

  /* A table fits the column: its cells wrap anywhere, like all the widget's text, and the widths a
     word processor pasted into its markup are not kept. Not a scrolling block: a scroll box without
     a focusable child cannot be reached by keyboard, and display: block takes a table's semantics
     away in some engines. */
  [part~='body'] :is(table, td, th) {
    inline-size: auto;
    border-collapse: collapse;
  }

  [part~='body'] blockquote {
    margin: 1em 0;
    padding-inline-start: 1em;
    border-inline-start: 3px solid var(--_border-color);
  }

  [part~='meta'],
  .meta-space {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 1em 0 0;
    font-size: var(--_small-size);
  }

  /* Already in the meta line's small size: not smaller again. */
  [part~='meta'] time {
    font-size: inherit;
  }

  [part~='source'] {
    font-weight: 600;
  }

  /* Wide enough: the image beside the text, the text in the second column; a byline then wraps less. */
  @container news-widget (min-width: 36em) {
    .meta-space {
      block-size: calc(2 * var(--_line-height) * 1em + 0.25em);
    }

    .has-image {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }

    .has-image > .image-frame {
      grid-column: 1;
      grid-row: 1 / span 6;
      align-self: start;
    }

    .has-image > :not(.image-frame),
    .has-image [part~='label'],
    .has-image slot::slotted(*) {
      grid-column: 2;
    }
  }

  @media print {
    [part~='body'] {
      max-block-size: none;
      overflow: visible;
    }
  }
`;
