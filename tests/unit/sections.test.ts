/**
 * The pure helpers behind shareable sections: the share page's path, the one-sentence preview
 * text, the previous/next sections and where a page's link-preview card is built.
 */
import { describe, expect, it } from 'vitest';
import { neighbours, sharePath, summarizeSection } from '../../src/lib/sections.ts';
import { OG_IMAGE, ogImagePath } from '../../src/lib/social.ts';
import { joinBase } from '../../src/lib/urls.ts';

describe('sharePath', () => {
  it('is the briefing path plus the section id, with a trailing slash', () => {
    expect(sharePath('deepseek-three-trends', 'core-point')).toBe('/briefings/deepseek-three-trends/core-point/');
    expect(sharePath('x', 'y')).toBe('/briefings/x/y/');
  });

  it('is site-relative, so the base can be put in front of it', () => {
    expect(joinBase('/ai-briefing', sharePath('deepseek-three-trends', 'the-diagram'))).toBe(
      '/ai-briefing/briefings/deepseek-three-trends/the-diagram/',
    );
    expect(joinBase('/', sharePath('deepseek-three-trends', 'the-diagram'))).toBe('/briefings/deepseek-three-trends/the-diagram/');
  });
});

describe('summarizeSection', () => {
  const fallback = 'The briefing description.';

  it('takes the first sentence of the first block', () => {
    expect(summarizeSection(['First sentence here. Second sentence here.', 'Another block.'], fallback)).toBe('First sentence here.');
    expect(summarizeSection(['Is it true? Yes.'], fallback)).toBe('Is it true?');
    expect(summarizeSection(['It is! Really.'], fallback)).toBe('It is!');
  });

  it('keeps a whole block that has no sentence end', () => {
    expect(summarizeSection(['The rise of open weight models which commoditize the foundation model layer'], fallback)).toBe(
      'The rise of open weight models which commoditize the foundation model layer',
    );
  });

  it('skips empty and blank blocks and trims the one it uses', () => {
    expect(summarizeSection(['', '   ', '  Real text. More text.'], fallback)).toBe('Real text.');
  });

  it('does not split inside a number', () => {
    expect(summarizeSection(['DeepSeek R1 costs $2.19 per million output tokens. OpenAI o1 costs $60.'], fallback)).toBe(
      'DeepSeek R1 costs $2.19 per million output tokens.',
    );
  });

  it('does not split after the abbreviation "U.S." in the middle of a sentence', () => {
    // The first trend point of the seed briefing: cut after "U.S." the preview would say only
    // "China is rapidly closing the gap with the U.S." (see the report: src/lib/sections.ts).
    const point = 'China is rapidly closing the gap with the U.S. in generative AI, evidenced by models like Qwen, Kimi, InternVL, and DeepSeek.';
    expect(summarizeSection([point, 'DeepSeek-R1’s performance rivals OpenAI’s models.'], fallback)).toBe(point);
    expect(summarizeSection(['This shift is challenging the perception that the U.S. held a dominant lead. More follows.'], fallback)).toBe(
      'This shift is challenging the perception that the U.S. held a dominant lead.',
    );
  });

  it('cuts a long sentence at a word boundary with an ellipsis, within max', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const sentence = `${words.join(' ')}.`;
    for (const max of [200, 50, 37]) {
      const summary = summarizeSection([sentence], fallback, max);
      expect(summary.endsWith('…'), summary).toBe(true);
      expect(summary.length, summary).toBeLessThanOrEqual(max);
      const kept = summary.slice(0, -1);
      // A whole number of words: the kept text is a prefix followed by a space in the sentence.
      expect(sentence.startsWith(kept), summary).toBe(true);
      expect(sentence[kept.length], summary).toBe(' ');
      expect(kept.endsWith(' '), 'no space before the ellipsis').toBe(false);
      // …and not much shorter than it had to be: at most one word (6 characters) left out.
      expect(kept.length, summary).toBeGreaterThanOrEqual(max - 1 - 7);
    }
  });

  it('keeps a last word that ends right where the ellipsis still fits', () => {
    // "aaaa bbbb cccc dddd" is 19 characters: with "…" it is exactly max = 20.
    expect(summarizeSection(['aaaa bbbb cccc dddd eeee.'], fallback, 20)).toBe('aaaa bbbb cccc dddd…');
  });

  it('leaves a sentence of exactly max characters alone and cuts one character more', () => {
    const exact = `${'a'.repeat(20)} ${'b'.repeat(28)}.`; // 50 characters
    expect(exact).toHaveLength(50);
    expect(summarizeSection([exact], fallback, 50)).toBe(exact);
    const longer = `${'a'.repeat(20)} ${'b'.repeat(29)}.`; // 51 characters
    expect(summarizeSection([longer], fallback, 50)).toBe(`${'a'.repeat(20)}…`);
  });

  it('cuts a single overlong word mid-word rather than returning nothing', () => {
    const summary = summarizeSection(['x'.repeat(300)], fallback, 20);
    expect(summary).toBe(`${'x'.repeat(19)}…`);
  });

  it('uses the fallback when there is no text', () => {
    expect(summarizeSection([], fallback)).toBe(fallback);
    expect(summarizeSection(['', '  ', '\n'], fallback)).toBe(fallback);
  });

  it('answers the core point of the seed briefing with its own sentence', () => {
    const core =
      "The emergence of DeepSeek and other models shows China's rapid progress in generative AI, the commoditization of foundational models through open weights, and the feasibility of AI progress beyond mere scaling.";
    const summary = summarizeSection([core], fallback);
    expect(summary.startsWith('The emergence of DeepSeek')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(core.startsWith(summary.replace(/…$/, ''))).toBe(true);
  });
});

describe('neighbours', () => {
  const sections = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('gives the first section only a next one', () => {
    const result = neighbours(sections, 'a');
    expect(result.next).toBe(sections[1]);
    expect('previous' in result).toBe(false);
  });

  it('gives a middle section both, as the same objects', () => {
    const result = neighbours(sections, 'b');
    expect(result.previous).toBe(sections[0]);
    expect(result.next).toBe(sections[2]);
  });

  it('gives the last section only a previous one', () => {
    const result = neighbours(sections, 'c');
    expect(result.previous).toBe(sections[1]);
    expect('next' in result).toBe(false);
  });

  it('gives nothing for a lone section or an unknown id', () => {
    expect(neighbours([{ id: 'only' }], 'only')).toEqual({});
    expect(neighbours(sections, 'missing')).toEqual({});
    expect(neighbours([], 'a')).toEqual({});
  });

  it('walks every section in order, forwards and back', () => {
    const ids = ['summary', 'chinas-rise', 'core-point', 'the-full-letter'].map((id) => ({ id }));
    const forward = [ids[0]!.id];
    for (let at = neighbours(ids, ids[0]!.id).next; at; at = neighbours(ids, at.id).next) forward.push(at.id);
    expect(forward).toEqual(ids.map((s) => s.id));
    const back = [ids.at(-1)!.id];
    for (let at = neighbours(ids, ids.at(-1)!.id).previous; at; at = neighbours(ids, at.id).previous) back.push(at.id);
    expect(back).toEqual(ids.map((s) => s.id).reverse());
  });
});

describe('ogImagePath', () => {
  it('names the home page card home.png', () => {
    expect(ogImagePath('/')).toBe('/og/home.png');
    expect(ogImagePath('')).toBe('/og/home.png');
  });

  it('turns a page path into a PNG path under /og/, with or without slashes', () => {
    expect(ogImagePath('/methodology/')).toBe('/og/methodology.png');
    expect(ogImagePath('/briefings/deepseek-three-trends/')).toBe('/og/briefings/deepseek-three-trends.png');
    expect(ogImagePath('/briefings/deepseek-three-trends/core-point/')).toBe('/og/briefings/deepseek-three-trends/core-point.png');
    expect(ogImagePath('briefings/deepseek-three-trends/core-point')).toBe('/og/briefings/deepseek-three-trends/core-point.png');
  });

  it('gives every page of the site its own card', () => {
    const pages = ['/', '/methodology/', '/briefings/deepseek-three-trends/', sharePath('deepseek-three-trends', 'core-point'), sharePath('deepseek-three-trends', 'summary')];
    expect(new Set(pages.map(ogImagePath)).size).toBe(pages.length);
  });

  it('describes a 1200x630 card', () => {
    expect(OG_IMAGE).toEqual({ width: 1200, height: 630 });
  });
});
