import { css } from 'lit';

export const featuredStoryStyles = css`
  [part~='label'] {
    font-size: 0.875em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted-color);
    margin: 0 0 0.5em;
  }

  [part~='title'] {
    font-size: 1.6em;
    line-height: 1.25;
    margin: 0 0 0.75em;
  }

  [part~='image'] {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    margin: 0 0 1em;
  }

  [part~='body'] img {
    max-inline-size: 100%;
    block-size: auto;
  }

  [part~='body'] blockquote {
    margin: 1em 0;
    padding-inline-start: 1em;
    border-inline-start: 3px solid currentColor;
  }

  [part~='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin-block-start: 1em;
    font-size: 0.875em;
  }

  [part~='source'] {
    font-weight: 600;
  }
`;
