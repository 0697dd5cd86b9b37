/**
 * Where a search result lands (src/lib/search-target.ts), from Pagefind result data shaped as
 * Pagefind 1.6 returns it: sub-results by heading id, anchors for every element with an id, and
 * `locations` as word indices. The first case is the real result for "chip embargo".
 */
import { describe, expect, it } from 'vitest';
import { resultTarget, type Anchor, type ResultData } from '../../src/lib/search-target.ts';

const page = '/briefings/deepseek-three-trends/';
const letter: Anchor = { element: 'h2', id: 'the-full-letter', location: 661 };
const anchors: Anchor[] = [
  { element: 'h2', id: 'the-diagram', location: 287 },
  letter,
  { element: 'p', id: 'p-e2d048', location: 1211 },
  { element: 'p', id: 'p-152476', location: 1317 },
  { element: 'p', id: 'p-73f252', location: 1453 },
];

function result(excerpt: string, locations: number[], anchor = letter): ResultData {
  return {
    url: page,
    excerpt,
    anchors,
    sub_results: [{ title: 'The full letter', url: `${page}#${anchor.id}`, excerpt, locations, anchor }],
  };
}

describe('resultTarget', () => {
  it('goes to the paragraph, with the four words before the match as a prefix ("chip embargo")', () => {
    const excerpt =
      'ways we can make progress. Driven in part by the U.S. AI <mark>chip</mark> <mark>embargo,</mark> the DeepSeek team had to innovate on many optimizations to';
    expect(resultTarget(result(excerpt, [1419, 1420]))).toEqual({
      url: `${page}#p-152476:~:text=by%20the%20U.S.%20AI-,chip%20embargo`,
      section: 'The full letter',
      excerpt,
    });
  });

  it('takes the words after as a suffix when the match opens its paragraph', () => {
    // "It" is word 1453, the first of p-73f252: the words before it belong to another paragraph.
    const excerpt = 'under $6M of compute. <mark>It</mark> remains to be seen if this will actually';
    expect(resultTarget(result(excerpt, [1453])).url).toBe(`${page}#p-73f252:~:text=It,-remains%20to%20be%20seen`);
  });

  it('finds the match the excerpt shows, not the first one of the section', () => {
    // Matches at 1220 and at 1419–1420; the excerpt is the one around 1419.
    const excerpt = 'the U.S. AI <mark>chip</mark> <mark>embargo,</mark> the DeepSeek team';
    expect(resultTarget(result(excerpt, [1220, 1419, 1420])).url).toBe(`${page}#p-152476:~:text=the%20U.S.%20AI-,chip%20embargo`);
  });

  it('goes to the section when no paragraph holds the words (the diagram in words)', () => {
    const diagram = anchors[0]!;
    const excerpt = 'Shift from scaling → <mark>Nuanced</mark> Approach';
    expect(resultTarget({ ...result(excerpt, [320], diagram), sub_results: [{ title: 'The diagram', url: `${page}#the-diagram`, excerpt, locations: [320], anchor: diagram }] })).toEqual({
      url: `${page}#the-diagram`,
      section: 'The diagram',
      excerpt,
    });
  });

  it('goes to the page when Pagefind gives no sub-results', () => {
    expect(resultTarget({ url: '/methodology/', excerpt: 'a <mark>b</mark>' })).toEqual({ url: '/methodology/', excerpt: 'a <mark>b</mark>' });
  });

  it('prefers the section with the most matches', () => {
    const excerpt = 'by the U.S. AI <mark>chip</mark> embargo';
    const data = result(excerpt, [1419]);
    data.sub_results!.unshift({ title: 'Summary', url: `${page}#summary`, excerpt: '<mark>chip</mark>', locations: [5], anchor: { element: 'h2', id: 'summary', location: 0 } });
    data.sub_results!.push({ ...data.sub_results![1]!, locations: [1419, 1430] });
    expect(resultTarget(data).section).toBe('The full letter');
  });
});
