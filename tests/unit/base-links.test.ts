/** rehypeBaseLinks (src/plugins/rehype-base-links.ts) on small trees: which URLs get BASE, which stay. */
import type { Element, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { rehypeBaseLinks } from '../../src/plugins/rehype-base-links.ts';

const el = (tagName: string, properties: Element['properties']): Element => ({ type: 'element', tagName, properties, children: [] });

function run(base: string, nodes: Element[]): Element['properties'][] {
  const tree: Root = { type: 'root', children: nodes.map((n) => structuredClone(n)) };
  rehypeBaseLinks({ base })(tree);
  return tree.children.map((n) => (n as Element).properties);
}

const nodes = [
  el('a', { href: '/briefings/x/#chinas-rise' }),
  el('img', { src: '/images/a.png', alt: 'a' }),
  el('a', { href: '#local' }),
  el('a', { href: 'https://example.com/x' }),
  el('img', { src: '//cdn.example.com/a.png', alt: 'a' }),
  el('a', { href: 'relative/page/' }),
  el('a', { href: '/ai-briefing/already/' }),
];

describe('rehypeBaseLinks', () => {
  test('under /ai-briefing, prefixes root-relative links and image sources only', () => {
    expect(run('/ai-briefing', nodes)).toEqual([
      { href: '/ai-briefing/briefings/x/#chinas-rise' },
      { src: '/ai-briefing/images/a.png', alt: 'a' },
      { href: '#local' },
      { href: 'https://example.com/x' },
      { src: '//cdn.example.com/a.png', alt: 'a' },
      { href: 'relative/page/' },
      { href: '/ai-briefing/already/' },
    ]);
  });

  test('takes the base with or without its trailing slash, and changes nothing at /', () => {
    expect(run('/ai-briefing/', nodes.slice(0, 1))).toEqual([{ href: '/ai-briefing/briefings/x/#chinas-rise' }]);
    expect(run('/', nodes)).toEqual(nodes.map((n) => n.properties));
  });
});
