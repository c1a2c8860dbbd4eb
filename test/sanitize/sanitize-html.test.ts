import { expect } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import { loadSanitizer, sanitizeHtml } from '../../src/sanitize/sanitizer.js'; // the chunk, called as the widgets call it

const html = (fragment: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
};

describe('sanitizeHtml', () => {
  before(() => loadSanitizer());

  it('keeps the news allowlist and resolves URLs against the story', () => {
    const out = html(sanitizeHtml('<h1>Заголовок</h1><p>Текст <a href="/x">ссылка</a> <img src="i.png"></p><blockquote>«Цитата»</blockquote>', 'https://city.example/news/1'));
    expect(out).to.equal(
      'Заголовок<p>Текст <a href="https://city.example/x" rel="noopener noreferrer">ссылка</a> <img src="https://city.example/news/i.png" loading="lazy" decoding="async" alt=""></p><blockquote>«Цитата»</blockquote>',
    );
  });

  it('is not changed by an application that configures the shared DOMPurify module', () => {
    DOMPurify.setConfig({ ADD_TAGS: ['iframe', 'form'], ADD_ATTR: ['onclick', 'style'] });
    DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
      data.forceKeepAttr = true;
    });
    try {
      const fragment = sanitizeHtml('<p onclick="x()" style="color:red">t</p><iframe src="https://e.example"></iframe><form></form>');
      expect(fragment).to.be.instanceOf(DocumentFragment);
      expect(html(fragment)).to.equal('<p>t</p>');
    } finally {
      DOMPurify.clearConfig();
      DOMPurify.removeAllHooks();
    }
  });

  it('returns an empty fragment, not null, for HTML that parses as a frameset page', () => {
    const fragment = sanitizeHtml('<p></p><frameset onload="x()"><frame src="javascript:x()"></frameset>');
    expect(fragment).to.be.instanceOf(DocumentFragment);
    expect(html(fragment)).to.not.match(/frame|onload|javascript/i);
  });
});
