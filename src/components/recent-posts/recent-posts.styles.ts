import { css } from 'lit';

/**
 * The three layouts of `<recent-posts>`. Every post's text box has a minimum height made of its
 * line budget (title lines, excerpt lines, one line of time), and titles and excerpts are clamped
 * to that budget: so a post is exactly that tall, and the skeleton, which is drawn with the same
 * boxes, has the final size. That is what keeps the page below from moving when the feed arrives.
 */
export const recentPostsStyles = css`
  :host {
    --_title-size: var(--news-title-size, 1.0625em);
    --_post-gap: 0.25em;
  }

  [part~='base'] {
    container: news-widget / inline-size;
  }

  /* A post's line budget. Declared on each post, below the section a container query changes line
     counts on, so those are the ones counted; the post's text box and its reserved size use it. The
     excerpt's block and the time's each include the gap before them: a layout without one of them
     on its own line sets its block to 0px. */
  .post {
    --_title-block: max(var(--_title-lines) * var(--_title-size) * 1.35, 24px);
    --_excerpt-block: calc(var(--_post-gap) + var(--_excerpt-lines) * var(--_line-height) * 1em);
    --_time-block: calc(var(--_post-gap) + var(--_small-size) * var(--_line-height));
    --_post-block: calc(var(--_title-block) + var(--_excerpt-block) + var(--_time-block));
  }

  [part~='heading'] {
    font-size: var(--_heading-size);
    line-height: 1.3;
    margin: 0 0 0.75em;
  }

  /* The list of posts and the skeleton's (the only lists inside). */
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }

  /* Stretched, not packed at the start: a title in another direction than the widget's (a Russian
     title in an Arabic widget, dir="auto") then lines up by its own start, short or long. */
  .text {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: var(--_post-gap);
    min-block-size: var(--_post-block);
  }

  /* The skeleton's boxes are exactly the budget: its bars never make it taller. */
  [part~='skeleton'] .text {
    block-size: var(--_post-block);
    overflow: hidden;
  }

  [part~='skeleton'] .title-bar {
    block-size: calc(var(--_title-size) * 0.9);
    inline-size: 85%;
  }

  [part~='skeleton'] .time-bar {
    inline-size: 6em;
  }

  [part~='title'] {
    font-size: var(--_title-size);
    line-height: 1.35;
    margin: 0;
    max-inline-size: 100%;
  }

  [part~='excerpt'] {
    margin: 0;
  }

  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_excerpt-lines);
    line-clamp: var(--_excerpt-lines);
    overflow: hidden;
  }

  [part~='load-more'] {
    margin-block-start: var(--_gap);
  }

  /* Server-rendered HTML shows before (or without) the script, and "load more" needs it: until the
     element is defined the button keeps its space but is neither seen, reached by Tab nor read out. */
  :host(:not(:defined)) [part~='load-more'] {
    visibility: hidden;
  }

  /* compact: title and time, separated by rules, for narrow sidebars. */
  .compact {
    --_post-gap: 0.125em;
  }

  .compact .post {
    --_excerpt-block: 0px;
    padding-block: calc(var(--_gap) / 2);
  }

  .compact ul {
    gap: 0;
  }

  .compact .post + .post {
    border-block-start: 1px solid var(--_border-color);
  }

  /* cards: a grid with as many columns as fit, each card an image over its text. */
  .cards ul {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--news-card-min-width, 15em)), 1fr));
  }

  .cards .post {
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }

  .cards article {
    display: flex;
    flex-direction: column;
    flex: 1;
  }

  .cards .text {
    flex: 1;
    padding: 0.75em 1em 1em;
  }

  .cards [part~='time'] {
    margin-block-start: auto;
  }

  .cards .image-frame {
    border-radius: 0;
  }

  [part~='skeleton'] .image-frame {
    background: color-mix(in srgb, var(--_border-color) 40%, transparent);
  }

  /* A wide list reads better with its times at the end of the title's line, and needs fewer lines
     for the same words. The skeleton takes the same budget (without the time's own line). */
  @container news-widget (min-width: 48em) {
    /* The list's children: the list section is the container, which its own query cannot style. */
    .list > * {
      --_title-lines: var(--news-title-lines, 2);
      --_excerpt-lines: var(--news-excerpt-lines, 2);
    }

    .list .post {
      --_time-block: 0px;
    }

    .list article .text {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      column-gap: 1.5em;
      align-content: start;
    }

    .list article :is([part~='title'], [part~='excerpt']) {
      grid-column: 1;
    }

    .list article [part~='time'] {
      grid-column: 2;
      grid-row: 1;
      padding-block-start: 0.15em;
    }
  }

  /* A long list (more than 20 posts): posts out of view are neither laid out nor painted until they
     near it, which makes rendering 100 or 1,000 posts several times cheaper. Each keeps its exact
     size meanwhile (its line budget, the size it has rendered), so nothing moves when one renders.
     Cards have no size known in advance (their image follows their width), so they render whole. */
  .long:not(.cards) .post {
    content-visibility: auto;
    contain-intrinsic-block-size: auto var(--_post-block);
  }

  @media print {
    .cards .post {
      break-inside: avoid;
    }

    .long:not(.cards) .post {
      content-visibility: visible; /* as specific as the rule above, to win over it */
    }
  }
`;
