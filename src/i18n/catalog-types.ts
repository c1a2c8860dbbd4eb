import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A locale's UI messages, parsed at build time into ICU ASTs (see scripts/compile-messages.mjs). */
export type CompiledCatalog = Record<string, MessageFormatElement[]>;

/**
 * A message as it ships or is registered: text and `{name}` arguments only; an ICU AST; or, for
 * plural and select messages, `[text]` in the terse syntax that icu-format.ts reads.
 */
export type Message = string | MessageFormatElement[] | [string];

/** Part of a locale's catalog as it ships. */
export type CatalogPart = Record<string, Message>;
