/**
 * The story's body in a server render: lit SSR has no DOM nodes, so the body is the sanitizer's
 * HTML string (sanitize-html.ts), rendered as HTML. In a module of its own because the template
 * minifier leaves every html`` of a file that names lit's raw-HTML directive unminified.
 */
import type { DirectiveResult } from 'lit/directive.js';
import { unsafeHTML, type UnsafeHTMLDirective } from 'lit/directives/unsafe-html.js';

// Typed through lit's own modules: an inferred type names lit-html, which is not our dependency.
export const renderSanitizedHtml = (sanitized: string): DirectiveResult<typeof UnsafeHTMLDirective> => unsafeHTML(sanitized);
