/**
 * sectionHtml: the part of a rendered briefing body that a share page shows, with links to
 * sections that are not on that page sent to the briefing.
 */
import { describe, expect, it } from 'vitest';
import { sectionHtml } from '../../src/lib/sections.ts';

const body = [
  '<h2 id="summary">Summary</h2>',
  '<h3 id="a">A</h3><ul><li>first</li></ul>',
  '<h3 id="b">B</h3><p class="figures">see <a href="#table">the table</a> and <a href="#b-note">the note</a></p><p id="b-note">note</p>',
  '<h2 id="the-diagram">The diagram</h2>',
  '<figure><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><a xlink:href="#a"><rect width="5" height="5"></rect></a></svg></figure>',
  '<h2 id="letter">Letter</h2><p>words</p><aside id="table">prices</aside>',
].join('\n');

describe('sectionHtml', () => {
  it('runs from after an h2 to the next h2, taking its h3 subsections along as h2s under the page\'s h1', () => {
    const html = sectionHtml(body, 'summary', '/b/')!;
    expect(html).toContain('<h2 id="a">A</h2>');
    expect(html).toContain('<h2 id="b">B</h2>');
    expect(html).not.toContain('<h3');
    expect(html).not.toContain('Summary');
    expect(html).not.toContain('the-diagram');
  });

  it('ends an h3 section at the next h3', () => {
    const html = sectionHtml(body, 'a', '/b/')!;
    expect(html.trim()).toBe('<ul><li>first</li></ul>');
  });

  it('points #links to ids outside the section at the briefing, and keeps those inside', () => {
    const html = sectionHtml(body, 'b', '/base/briefings/x/')!;
    expect(html).toContain('href="/base/briefings/x/#table"');
    expect(html).toContain('href="#b-note"');
  });

  it('does the same for a diagram node link written xlink:href, and keeps the SVG an SVG', () => {
    const html = sectionHtml(body, 'the-diagram', '/briefings/x/')!;
    expect(html).toMatch(/<a xlink:href="\/briefings\/x\/#a">/);
    expect(html).toContain('<rect width="5" height="5"></rect>');
    expect(html).toContain('viewBox="0 0 10 10"');
  });

  it('keeps the last section to the end of the body', () => {
    expect(sectionHtml(body, 'letter', '/b/')).toBe('<p>words</p><aside id="table">prices</aside>');
  });

  it('is undefined for an id no heading has', () => {
    expect(sectionHtml(body, 'nope', '/b/')).toBeUndefined();
  });
});
