/**
 * The story's body in a server render: lit SSR has no DOM nodes, so the body is the sanitizer's
 * HTML string (sanitize-html.ts), rendered as HTML. In a module of its own because the template
 * minifier leaves every html`` of a file that names lit's raw-HTML directive unminified.
 */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

export const renderSanitizedHtml = (sanitized: string) => unsafeHTML(sanitized);
