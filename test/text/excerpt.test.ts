import { expect } from '@open-wc/testing';
import { cutExcerpt } from '../../src/text/excerpt.js';

const graphemes = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)).length;

describe('cutExcerpt', () => {
  it('returns short text unchanged, without an ellipsis', () => {
    expect(cutExcerpt('Жителей приглашают на субботник.', 100)).to.equal('Жителей приглашают на субботник.');
    expect(cutExcerpt('  spaced\n\n  out  ', 100)).to.equal('spaced out');
  });

  it('cuts at a word boundary and ends with "…", within the maximum length', () => {
    const text = 'В День Победы праздничные мероприятия в регионе пройдут на разных площадках: состоятся парады и концерты.';
    for (let max = 10; max < text.length; max += 7) {
      const excerpt = cutExcerpt(text, max);
      expect(excerpt.endsWith('…'), excerpt).to.equal(true);
      expect(graphemes(excerpt), excerpt).to.be.at.most(max);
      const kept = excerpt.slice(0, -1);
      // Every word kept is a whole word of the original.
      expect(text.startsWith(kept), excerpt).to.equal(true);
      expect(/[\s,:.]/.test(text.charAt(kept.length)) || kept.length === 0, excerpt).to.equal(true);
    }
  });

  it('keeps a word that ends exactly at the limit', () => {
    expect(cutExcerpt('Hello world again', 12)).to.equal('Hello world…');
    expect(cutExcerpt('Hello worlds again', 12)).to.equal('Hello…');
  });

  it('drops clause punctuation before the ellipsis', () => {
    expect(cutExcerpt('Фонд начал работу, и к настоящему времени принял', 20)).to.equal('Фонд начал работу…');
    // Chinese, Japanese and Arabic commas and semicolons too.
    const texts: [string, string][] = [
      ['ja', '日本語の文章は、スペースがありませんが、正しく切るべきです。'],
      ['ar', 'مرحبا بكم في موقع المدينة، حيث تجدون آخر الأخبار؛ وأكثر من ذلك'],
      ['zh', '这是一个很长的中文句子，用来测试摘要的截断；是否正确处理。'],
    ];
    for (const [locale, text] of texts) {
      for (let max = 8; max < graphemes(text); max++) expect(cutExcerpt(text, max, locale)).to.not.match(/[、，；،؛]…$/);
    }
  });

  it('ends a cut after a full sentence with "…" alone, not a full stop and "…"', () => {
    expect(cutExcerpt('До 1 июня можно подать заявку на конкурс инициатив. Победители получат гранты', 52)).to.equal('До 1 июня можно подать заявку на конкурс инициатив…');
    expect(cutExcerpt('Read more... The rest of the story follows here', 14)).to.equal('Read more…');
    expect(cutExcerpt('日本語の文章です。スペースがありませんが正しく切るべきです', 10, 'ja')).to.equal('日本語の文章です…');
    // A question or an exclamation keeps its mark: it says something a full stop does not.
    expect(cutExcerpt('Что изменится? Всё расскажем в следующем выпуске', 16)).to.equal('Что изменится?…');
  });

  it('never splits an emoji, a flag or a combining mark', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${family}${family}${family}${family}`;
    const excerpt = cutExcerpt(text, 3);
    expect(excerpt).to.equal(`${family}${family}…`);
    const accented = 'e\u0301'.repeat(10);
    expect(cutExcerpt(accented, 4)).to.equal('e\u0301e\u0301e\u0301…');
  });

  it('cuts an unending word at a grapheme boundary rather than overflowing', () => {
    const excerpt = cutExcerpt('Supercalifragilisticexpialidocious'.repeat(5), 20);
    expect(graphemes(excerpt)).to.equal(20);
    expect(excerpt.endsWith('…')).to.equal(true);
  });

  it('works for languages without spaces', () => {
    const excerpt = cutExcerpt('今日は市役所で新しい橋の開通式が行われました。市長が挨拶しました。', 12, 'ja');
    expect(excerpt.endsWith('…')).to.equal(true);
    expect(graphemes(excerpt)).to.be.at.most(12);
  });

  it('cuts Thai, Chinese and Japanese between the words of the whole text, not of a truncated one', () => {
    const texts: [string, string][] = [
      ['th', 'ภาษาไทยไม่มีช่องว่างระหว่างคำ ดังนั้นการตัดคำต้องใช้พจนานุกรมเสมอ'],
      ['zh', '这是一个很长的中文句子，用来测试摘要的截断是否正确处理。我们希望它不会在词语中间截断。'],
      ['ja', '日本語の文章は、スペースがありませんが、正しく切るべきです。市役所で新しい橋の開通式が行われました。'],
    ];
    for (const [locale, text] of texts) {
      const ends = new Set(Array.from(new Intl.Segmenter(locale, { granularity: 'word' }).segment(text), ({ index, segment }) => index + segment.length));
      for (let max = 8; max < graphemes(text); max++) {
        const excerpt = cutExcerpt(text, max, locale);
        expect(graphemes(excerpt), excerpt).to.be.at.most(max);
        expect(ends.has(excerpt.length - 1), `${max}: ${excerpt}`).to.equal(true);
      }
    }
  });
});

describe('cutExcerpt without Intl.Segmenter (older engines)', () => {
  const segmenter = Intl.Segmenter;
  beforeEach(() => {
    (Intl as { Segmenter?: unknown }).Segmenter = undefined;
  });
  afterEach(() => {
    (Intl as { Segmenter?: unknown }).Segmenter = segmenter;
  });

  it('still cuts at a space and never inside a combining sequence or an emoji', () => {
    expect(cutExcerpt('Hello worlds again', 12)).to.equal('Hello…');
    expect(cutExcerpt('Hello world again', 12)).to.equal('Hello world…');
    expect(cutExcerpt('e\u0301'.repeat(10), 4)).to.equal('e\u0301e\u0301e\u0301…');
    const family = '👨‍👩‍👧‍👦';
    expect(cutExcerpt(family.repeat(4), 3)).to.equal(`${family}${family}…`);
  });
});
