/**
 * The DOM the shared feed readers and the sanitizer need on Node, from jsdom: the RSS/Atom reader
 * parses XML with `DOMParser` and serializes Atom XHTML with `XMLSerializer`, excerpts take the text
 * of feed HTML (`DOMParser`, `Node`), and DOMPurify sanitizes in a `window`.
 *
 * Why jsdom: it is the DOM DOMPurify is tested on for Node (its README says so; happy-dom has known
 * sanitizer bypasses), and its XML parser (saxes) is a conforming, namespace-aware parser that
 * reports malformed XML the way Firefox does, which is what our reader checks. linkedom parses
 * "XML" with htmlparser2 (no well-formedness errors, weak namespaces); @xmldom/xmldom has XML but
 * no HTML parser or window for DOMPurify.
 *
 * The globals are set only for the duration of one synchronous render and removed afterwards, so an
 * application (an Eleventy build) is not left with a half-browser global scope, and lit's own server
 * DOM shim is never replaced: lit must not find a global `HTMLElement` or `document`.
 */
import { JSDOM } from 'jsdom';
import { useServerWindow } from '../sanitize/sanitize-html-server.js';

let window: JSDOM['window'] | undefined;

function serverWindow(): JSDOM['window'] {
  if (!window) {
    window = new JSDOM('<!doctype html><html><head></head><body></body></html>').window;
    useServerWindow(window);
  }
  return window;
}

const names = ['DOMParser', 'XMLSerializer', 'Node'] as const;

/** Runs `task` (synchronous) with jsdom's `DOMParser`, `XMLSerializer` and `Node` as globals where Node has none. */
export function withServerDom<T>(task: () => T): T {
  const dom = serverWindow();
  const global = globalThis as Record<string, unknown>;
  const added = names.filter((name) => global[name] === undefined);
  for (const name of added) global[name] = dom[name];
  try {
    return task();
  } finally {
    for (const name of added) delete global[name];
  }
}
