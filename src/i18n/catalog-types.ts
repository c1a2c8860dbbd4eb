import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A locale's UI messages, parsed at build time into ICU ASTs (see scripts/compile-messages.mjs). */
export type CompiledCatalog = Record<string, MessageFormatElement[]>;

/**
 * Part of a locale's catalog as it ships: a message of text and `{name}` arguments only is that
 * text; plural and select messages are ASTs.
 */
export type CatalogPart = Record<string, string | MessageFormatElement[]>;
