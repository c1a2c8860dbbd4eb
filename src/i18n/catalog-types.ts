import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A locale's UI messages, parsed at build time into ICU ASTs (see scripts/compile-messages.mjs). */
export type CompiledCatalog = Record<string, MessageFormatElement[]>;
