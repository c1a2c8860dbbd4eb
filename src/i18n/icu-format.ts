/**
 * The plural and select side of the messages, loaded on demand with intl-messageformat (see
 * messages.ts): builds a formatter from a message's AST, or from the terse ICU text the catalogs
 * ship (`{count,p,one{# час}other{# часа}}`; `p` plural, `o` selectordinal, `s` select), which is
 * read back into the AST formatjs's parser would give. scripts/compile-messages.mjs writes that
 * text and checks that this reading of it (its `readTerse`) gives the message back.
 * Formatters are cached per message and locale because a relative-time tick re-renders every
 * widget; a message replaced (`registerMessages`) is a new one.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Message } from './catalog-types.js';

const formatters = new WeakMap<object, Record<string, IntlMessageFormat>>();

export function compile(message: Exclude<Message, string>, locale: string): IntlMessageFormat {
  let byLocale = formatters.get(message);
  if (!byLocale) formatters.set(message, (byLocale = {}));
  return (byLocale[locale] ??= new IntlMessageFormat(typeof message[0] == 'string' ? read(message[0]) : (message as MessageFormatElement[]), locale));
}

function read(text: string): MessageFormatElement[] {
  let at = 0;
  const elements = () => {
    const list: object[] = [];
    let literal = '';
    for (let char; (char = text[at++]) && char != '}'; ) {
      if (char != '{' && char != '#') {
        literal += char;
        continue;
      }
      if (literal) list.push({ type: 0, value: literal });
      literal = '';
      if (char == '#') {
        list.push({ type: 7 });
        continue;
      }
      const head = /(\w+)(?:,(.),)?\}?/y;
      head.lastIndex = at;
      const [all, value, kind] = head.exec(text)!;
      at += all.length;
      if (!kind) {
        list.push({ type: 1, value });
        continue;
      }
      const options: Record<string, { value: object[] }> = {};
      while (text[at] != '}') {
        const open = text.indexOf('{', at);
        const key = text.slice(at, open);
        at = open + 1;
        options[key] = { value: elements() };
      }
      at++;
      list.push(kind == 's' ? { type: 5, value, options } : { type: 6, value, options, offset: 0, pluralType: kind == 'o' ? 'ordinal' : 'cardinal' });
    }
    if (literal) list.push({ type: 0, value: literal });
    return list;
  };
  return elements() as MessageFormatElement[];
}
