import { css } from 'lit';

export const recentPostsStyles = css`
  [part~='heading'] {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 0.75em;
  }

  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  [part~='item'] + [part~='item'] {
    margin-block-start: 1em;
  }

  [part~='title'] {
    font-size: 1em;
    line-height: 1.35;
    margin: 0 0 0.25em;
  }

  [part~='excerpt'] {
    margin: 0 0 0.25em;
  }

  time {
    font-size: 0.875em;
  }
`;
