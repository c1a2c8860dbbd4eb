import { expect } from '@open-wc/testing';
import { decodeFeedBytes, detectFeedEncoding } from '../../src/feed/decode.js';
import { parseXmlFeed } from '../../src/feed/xml-feed.js';

/**
 * A fixture's exact bytes. Not from /test/fixtures/ directly: the dev server reads every static file
 * it judges to be text as UTF-8 (for its transform plugins) and re-encodes it, which ruins
 * windows-1251 and UTF-16 files. Its /test-api/ routes answer before that step, byte for byte; the
 * Content-Type they send is ignored here, each test passes its own.
 */
const fixtureBytes = (name: string) => fetch(`/test-api/delay/0?body=${encodeURIComponent(`feeds/xml/${name}`)}`).then((response) => response.arrayBuffer());

/** Encodes text in a single-byte charset, from the browser's own decoder table. */
function encodeSingleByte(text: string, label: string): Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let byte = 255; byte >= 0; byte--) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from([...text], (char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`${label} cannot encode ${char}`);
    return byte;
  });
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < units.length; index++) view.setUint16(index * 2, units.charCodeAt(index), littleEndian);
  return bytes;
}

const cyrillicRss = (declaration: string) =>
  `${declaration}<rss version="2.0"><channel><title>Новости Щёлкова</title><item><guid>1</guid><title>Съезд "ЁЖИК": итоги, ёлки</title></item></channel></rss>`;

describe('decodeFeedBytes', () => {
  it('reads a windows-1251 feed by its XML declaration when the header has no charset', async () => {
    const bytes = await fixtureBytes('windows-1251.rss.xml');
    expect(detectFeedEncoding(bytes, 'application/rss+xml')).to.equal('windows-1251');
    const text = decodeFeedBytes(bytes, 'application/rss+xml');
    expect(text).to.include('<title>Администрация Берёзовского района</title>');

    const feed = parseXmlFeed(text, 'https://berezovsky.example/rss');
    expect(feed.title).to.equal('Администрация Берёзовского района');
    expect(feed.stories.map((story) => [story.title, story.published?.toISOString()])).to.deep.equal([
      ['Ремонт моста через Ельцовку завершён досрочно', '2026-11-20T06:30:00.000Z'],
      ['«Ёлка желаний»: приём заявок до 15 декабря', '2026-11-19T13:00:00.000Z'],
    ]);
    expect(feed.stories[0]!.contentHtml).to.equal('<p>Движение по мосту открыто в обе стороны — на неделю раньше графика.</p>');
    expect(feed.stories[0]!.authors).to.deep.equal([{ name: 'Пресс-служба' }]);
  });

  it('reads a KOI8-R feed by its declaration (single quotes, upper case), with or without a charset header', async () => {
    const bytes = await fixtureBytes('koi8-r.rss.xml');
    for (const type of ['text/xml', 'application/xml', null, 'text/xml; charset="KOI8-R"']) {
      const feed = parseXmlFeed(decodeFeedBytes(bytes, type));
      expect(feed.title, String(type)).to.equal('Вести посёлка Щучье');
      expect(feed.language).to.equal('ru-RU');
      expect(feed.stories[0]!.title).to.equal('Отключение горячей воды в микрорайоне Южный');
    }
  });

  it('lets a BOM win over the header, and strips it: UTF-16LE', async () => {
    const bytes = await fixtureBytes('utf-16le-bom.atom.xml');
    expect(detectFeedEncoding(bytes, 'application/atom+xml; charset=utf-8')).to.equal('utf-16le');
    const text = decodeFeedBytes(bytes, 'application/atom+xml; charset=utf-8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-16"?>')).to.equal(true);
    const feed = parseXmlFeed(text);
    expect(feed).to.deep.include({ title: 'Новини громади', language: 'uk', homePageUrl: 'https://hromada.example/' });
    expect(feed.stories[0]!.title).to.equal('Ярмарок у суботу: їжа, ремесла і ґудзики 🧵');

    const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(cyrillicRss('<?xml version="1.0" encoding="windows-1251"?>'))]);
    expect(decodeFeedBytes(utf8Bom, 'text/xml; charset=windows-1251').startsWith('<?xml')).to.equal(true);
    expect(parseXmlFeed(decodeFeedBytes(utf8Bom, 'text/xml; charset=windows-1251')).title).to.equal('Новости Щёлкова');
    const beBom = utf16(cyrillicRss(''), false, true);
    expect(detectFeedEncoding(beBom, 'text/xml; charset=iso-8859-1')).to.equal('utf-16be');
    expect(decodeFeedBytes(beBom, null)).to.equal(cyrillicRss(''));
  });

  it('recognises UTF-16 without a BOM by its zero bytes, even against a wrong header', () => {
    const text = cyrillicRss('<?xml version="1.0" encoding="UTF-16"?>');
    expect(decodeFeedBytes(utf16(text, true, false), 'text/xml')).to.equal(text);
    expect(decodeFeedBytes(utf16(text, false, false), null)).to.equal(text);
    expect(decodeFeedBytes(utf16(text, false, false), 'application/rss+xml; charset=windows-1251')).to.equal(text);
    expect(decodeFeedBytes(utf16(cyrillicRss(''), true, false), 'text/xml; charset=utf-16')).to.equal(cyrillicRss(''));
  });

  it('lets the header charset win over the XML declaration (RFC 7303), for text/xml too', () => {
    const text = cyrillicRss('<?xml version="1.0" encoding="ISO-8859-1"?>');
    const bytes = encodeSingleByte(text, 'windows-1251');
    for (const type of ['text/xml; charset=windows-1251', 'application/rss+xml;charset="CP1251"', "text/xml; charset = 'windows-1251'", 'application/xml; q=0.9; CHARSET=x-cp1251']) {
      expect(detectFeedEncoding(bytes, type), type).to.equal('windows-1251');
      expect(decodeFeedBytes(bytes, type), type).to.equal(text);
    }
    // KOI8-R bytes declared as windows-1251 but served as KOI8-R.
    const koi8 = encodeSingleByte(cyrillicRss('<?xml version="1.0" encoding="windows-1251"?>'), 'koi8-r');
    expect(parseXmlFeed(decodeFeedBytes(koi8, 'text/xml; charset=koi8-r')).title).to.equal('Новости Щёлкова');
  });

  it('survives a server that labels every response UTF-8, and a site converted to UTF-8 behind an old header', () => {
    // The header says UTF-8, the bytes are not UTF-8, the declaration says windows-1251: the declaration is right.
    const legacy = encodeSingleByte(cyrillicRss('<?xml version="1.0" encoding="windows-1251"?>'), 'windows-1251');
    expect(detectFeedEncoding(legacy, 'application/rss+xml; charset=UTF-8')).to.equal('windows-1251');
    expect(parseXmlFeed(decodeFeedBytes(legacy, 'application/rss+xml; charset=UTF-8')).title).to.equal('Новости Щёлкова');
    // The header says windows-1251, the body is valid UTF-8 with Cyrillic, the declaration says UTF-8: UTF-8.
    const converted = utf8(cyrillicRss('<?xml version="1.0" encoding="utf-8"?>'));
    expect(detectFeedEncoding(converted, 'text/xml; charset=windows-1251')).to.equal('utf-8');
    // Without a declaration to disagree with, the header stays the rule.
    expect(detectFeedEncoding(utf8(cyrillicRss('')), 'text/xml; charset=windows-1251')).to.equal('windows-1251');
    // An ASCII body cannot tell: the header wins.
    expect(detectFeedEncoding(utf8('<?xml version="1.0" encoding="utf-8"?><rss/>'), 'text/xml; charset=koi8-r')).to.equal('koi8-r');
  });

  it('finds the XML declaration after the warnings PHP printed before it', () => {
    const notice = '<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/rss.php</b> on line <b>12</b><br />\n';
    const bytes = Uint8Array.from([...utf8(notice), ...encodeSingleByte(cyrillicRss('<?xml version="1.0" encoding="windows-1251"?>'), 'windows-1251')]);
    expect(detectFeedEncoding(bytes, 'application/rss+xml')).to.equal('windows-1251');
    expect(decodeFeedBytes(bytes, null)).to.contain('Новости Щёлкова');
  });

  it('skips unknown, malformed and self-contradicting labels', () => {
    const bytes = encodeSingleByte(cyrillicRss('<?xml version="1.0" encoding="windows-1251"?>'), 'windows-1251');
    for (const type of ['text/xml; charset=x-no-such-charset', 'text/xml; charset:koi8-r', 'text/xml; charset=', 'text/xml; charset=replacement', 'text/xml;', 'garbage', '']) {
      expect(detectFeedEncoding(bytes, type), type).to.equal('windows-1251');
    }
    expect(detectFeedEncoding(utf8('<?xml version="1.0" encoding="no-such"?><rss/>'), null)).to.equal('utf-8');
    // An ASCII-readable declaration of UTF-16 is wrong by construction; so is a UTF-16 header on such bytes.
    expect(detectFeedEncoding(utf8(cyrillicRss('<?xml version="1.0" encoding="utf-16"?>')), null)).to.equal('utf-8');
    expect(detectFeedEncoding(utf8(cyrillicRss('')), 'application/rss+xml; charset=utf-16')).to.equal('utf-8');
    expect(detectFeedEncoding(utf8('{"items": []}'), 'application/json; charset=utf-16le')).to.equal('utf-8');
  });

  it('defaults to UTF-8, also for JSON, and honours a charset on JSON', () => {
    expect(decodeFeedBytes(utf8('{"title": "Лента"}'), 'application/feed+json')).to.equal('{"title": "Лента"}');
    expect(decodeFeedBytes(utf8(cyrillicRss('')), null)).to.equal(cyrillicRss(''));
    const json = '{"title": "Лента"}';
    expect(decodeFeedBytes(encodeSingleByte(json, 'windows-1251'), 'application/json; charset=windows-1251')).to.equal(json);
  });

  it('never throws: invalid bytes become U+FFFD, empty bodies are empty, views are respected', () => {
    expect(decodeFeedBytes(new Uint8Array([0x3c, 0x72, 0xff, 0xfe, 0x3e].slice(0, 5)), 'text/xml')).to.equal('<r\uFFFD\uFFFD>');
    expect(decodeFeedBytes(new ArrayBuffer(0), null)).to.equal('');
    expect(decodeFeedBytes(new Uint8Array(0), 'text/xml; charset=utf-16')).to.equal('');
    expect(decodeFeedBytes(new Uint8Array([0xff]), null)).to.equal('\uFFFD');
    expect(decodeFeedBytes(new Uint8Array([0xfe, 0xff, 0x00]), null)).to.equal('\uFFFD'); // a BOM and half a unit
    expect(decodeFeedBytes(new Uint8Array([0x3c, 0x00, 0x3f]), null)).to.equal('<\u0000?');
    const padded = new Uint8Array([0x58, 0x58, ...utf8('<rss>ё</rss>'), 0x58]);
    expect(decodeFeedBytes(padded.subarray(2, padded.length - 1), null)).to.equal('<rss>ё</rss>');
    const garbage = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256);
    for (const type of [null, 'text/xml; charset=utf-8', 'text/xml; charset=windows-1251', 'text/xml; charset=utf-16be', 'text/xml; charset=gb18030', 'text/xml; charset=shift_jis']) {
      expect(decodeFeedBytes(garbage, type), String(type)).to.be.a('string');
    }
  });
});
