// README's reference tables against custom-elements.json (written by `npm run build`): every
// attribute, public property, event, shadow part and CSS custom property the manifest gives an
// element is in the tables, and every row of the tables is in the manifest.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

const root = new URL('../../', import.meta.url);
const manifestUrl = new URL('custom-elements.json', root);
if (!existsSync(manifestUrl)) throw new Error('custom-elements.json is missing: run `npm run build` first.');
const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8').split(/\r?\n/);

const tagNames = ['recent-posts', 'featured-story'];

/** The cells of a markdown table row; a `|` inside backticks or escaped as `\|` stays in its cell. */
function cells(line) {
  const result = [];
  let cell = '';
  let code = false;
  const text = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (char === '`') {
      code = !code;
      cell += char;
    } else if (char === '|' && !code) {
      result.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  result.push(cell.trim());
  return result;
}

/**
 * The first table after the line that starts with `marker`, before the next heading, as objects
 * keyed by the header's cells.
 */
function tableAfter(marker) {
  const start = readme.findIndex((line) => line.trim().startsWith(marker));
  assert.notEqual(start, -1, `README has no line starting with ${JSON.stringify(marker)}`);
  let i = start + 1;
  while (i < readme.length && !readme[i].trim().startsWith('|')) {
    assert.ok(!readme[i].startsWith('#'), `README has no table under ${JSON.stringify(marker)}`);
    i++;
  }
  const lines = [];
  for (; i < readme.length && readme[i].trim().startsWith('|'); i++) lines.push(readme[i]);
  assert.ok(lines.length >= 3, `README's table under ${JSON.stringify(marker)} has no rows`);
  const [header, separator, ...rows] = lines.map(cells);
  assert.ok(separator.every((cell) => /^:?-+:?$/.test(cell)), `README's table under ${JSON.stringify(marker)} has no header separator`);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

/** The name in a cell holding one code span (`src`), or '' for an empty cell. */
function name(cell) {
  if (cell === '') return '';
  const match = /^`([^`]+)`$/.exec(cell);
  assert.ok(match, `expected a single \`name\` or an empty cell, found ${JSON.stringify(cell)}`);
  return match[1];
}

/** Names in code spans within a cell that look like part names (`error-title`, not `<ul>`). */
function mentionedNames(cell) {
  return [...cell.matchAll(/`([a-z][a-z0-9-]*)`/g)].map((match) => match[1]);
}

const elements = new Map();
for (const module of manifest.modules ?? []) {
  for (const declaration of module.declarations ?? []) {
    if (declaration.customElement && tagNames.includes(declaration.tagName)) elements.set(declaration.tagName, declaration);
  }
}

const attributeRows = {
  both: tableAfter('### Attributes and properties (both elements)'),
  'recent-posts': tableAfter('`<recent-posts>` also has'),
  'featured-story': tableAfter('`<featured-story>` also has'),
};
const eventRows = tableAfter('### Events');
const partRows = tableAfter('### Shadow parts');
const cssPropertyRows = tableAfter('### CSS custom properties');
const slotRows = tableAfter('### Slots');

/** The rows of a table with an Element column that apply to `tagName`. */
function rowsFor(rows, tagName, what) {
  return rows.filter((row) => {
    assert.match(row.Element, /^(both|recent-posts|featured-story)$/, `${what}: unknown Element ${JSON.stringify(row.Element)}`);
    return row.Element === 'both' || row.Element === tagName;
  });
}

test('the manifest declares both elements with their tag names', () => {
  assert.deepEqual([...elements.keys()].sort(), [...tagNames].sort());
});

test('the manifest names the module that registers each tag, one the package exports', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const exported = new Set(Object.values(pkg.exports).map((target) => (typeof target === 'string' ? target : target.default)));
  for (const tagName of tagNames) {
    const defining = manifest.modules.filter((mod) => (mod.exports ?? []).some((each) => each.kind === 'custom-element-definition' && each.name === tagName));
    assert.equal(defining.length, 1, `one module defines <${tagName}>`);
    const [mod] = defining;
    assert.ok(exported.has(`./${mod.path}`), `${mod.path}, which defines <${tagName}>, is a package export`);
    const { declaration } = mod.exports.find((each) => each.kind === 'custom-element-definition');
    assert.equal(elements.get(tagName)?.name, declaration.name);
    assert.ok(manifest.modules.some((other) => other.path === declaration.module && other.declarations.some((each) => each.name === declaration.name)), `${declaration.name} is declared in ${declaration.module}`);
  }
});

for (const tagName of tagNames) {
  describe(`<${tagName}>`, () => {
    const element = elements.get(tagName) ?? {};
    const rows = [...attributeRows.both, ...attributeRows[tagName]].map((row) => ({ attribute: name(row.Attribute), property: name(row.Property) }));
    const attributes = new Map((element.attributes ?? []).map((attribute) => [attribute.name, attribute]));
    const properties = new Map(
      (element.members ?? [])
        .filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public')
        .map((member) => [member.name, member]),
    );

    test('every README attribute and property row is in the manifest', () => {
      for (const { attribute, property } of rows) {
        assert.ok(attribute || property, 'a README row has neither an attribute nor a property');
        if (attribute) {
          assert.ok(attributes.has(attribute), `README lists attribute \`${attribute}\`, but the manifest's <${tagName}> has no such attribute`);
          const field = attributes.get(attribute).fieldName;
          if (field) assert.equal(property, field, `README pairs attribute \`${attribute}\` with property \`${property}\`; the manifest with \`${field}\``);
        }
        if (property) {
          assert.ok(properties.has(property), `README lists property \`${property}\`, but the manifest's <${tagName}> has no such public property`);
          const linked = properties.get(property).attribute;
          if (linked) assert.equal(attribute, linked, `README pairs property \`${property}\` with attribute \`${attribute}\`; the manifest with \`${linked}\``);
        }
      }
    });

    test('every attribute and public property in the manifest is in README', () => {
      const own = `the table for both elements or the one for <${tagName}>`;
      for (const attribute of attributes.keys()) {
        assert.ok(rows.some((row) => row.attribute === attribute), `the manifest's <${tagName}> has attribute \`${attribute}\`, missing from README (${own})`);
      }
      for (const property of properties.keys()) {
        assert.ok(rows.some((row) => row.property === property), `the manifest's <${tagName}> has property \`${property}\`, missing from README (${own})`);
      }
    });

    test('README and the manifest list the same events', () => {
      const readmeEvents = eventRows.map((row) => name(row.Event)).sort();
      const manifestEvents = (element.events ?? []).map((event) => event.name).sort();
      assert.deepEqual(manifestEvents, readmeEvents);
    });

    test("the manifest types each event with the package's event class (wrapper generators type listeners from it)", () => {
      const types = Object.fromEntries((element.events ?? []).map((event) => [event.name, event.type?.text]));
      assert.deepEqual(types, { 'feed-load': 'FeedLoadEvent', 'feed-error': 'FeedErrorEvent' });
    });

    test('README and the manifest list the same shadow parts', () => {
      // A part shown inside another (`error-title` in `error`) may be named in that row's text
      // instead of a row of its own.
      const mine = partRows.filter((row) => {
        assert.match(row.Element, /^(both|recent-posts|featured-story)$/, `part ${row.Part}: unknown Element ${JSON.stringify(row.Element)}`);
        return row.Element === 'both' || row.Element === tagName;
      });
      const manifestParts = new Set((element.cssParts ?? []).map((part) => part.name));
      for (const row of mine) {
        assert.ok(manifestParts.has(name(row.Part)), `README lists part \`${name(row.Part)}\` for ${row.Element}, but the manifest's <${tagName}> has no such part`);
      }
      const documented = new Set(mine.flatMap((row) => [name(row.Part), ...Object.values(row).flatMap(mentionedNames)]));
      for (const part of manifestParts) {
        assert.ok(documented.has(part), `the manifest's <${tagName}> has part \`${part}\`, missing from README's shadow parts table`);
      }
    });

    test('README and the manifest list the same CSS custom properties', () => {
      const readmeProperties = rowsFor(cssPropertyRows, tagName, 'CSS custom property').map((row) => name(row.Property)).sort();
      const manifestProperties = (element.cssProperties ?? []).map((property) => property.name).sort();
      assert.deepEqual(manifestProperties, readmeProperties);
    });

    test('README and the manifest list the same slots', () => {
      // The default slot has no name: README calls it "(default)".
      const readmeSlots = rowsFor(slotRows, tagName, 'slot').map((row) => (row.Slot === '(default)' ? '' : name(row.Slot))).sort();
      const manifestSlots = (element.slots ?? []).map((slot) => slot.name ?? '').sort();
      assert.deepEqual(manifestSlots, readmeSlots);
    });
  });
}
