/**
 * "The diagram in words" (src/lib/diagram-words.ts), written from Mermaid's own parse as the
 * render cache stores it. The seed's parse is the committed one; nothing here launches a browser.
 * (tests/unit/diagram-plugin.test.ts renders one example of every flowchart form in Chromium.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultCacheDir, diagramsInText, readCachedDiagram } from '../../src/plugins/diagram-cache.ts';
import { describeDiagram, plainLabel, type DiagramGraph } from '../../src/lib/diagram-words.ts';

const briefing = 'content/briefings/deepseek-three-trends.mdx';
const [seedDiagram] = diagramsInText(readFileSync(join(import.meta.dirname, '../..', briefing), 'utf8'), briefing);
const flow = (graph: Partial<DiagramGraph>): DiagramGraph => ({ type: 'flowchart-v2', title: '', description: '', nodes: [], edges: [], subgraphs: [], ...graph });
const edge = (start: string, end: string, type = 'arrow_point', text = '', stroke = 'normal') => ({ start, end, type, text, stroke, labelType: 'text' });

describe('the seed diagram, from its committed parse', () => {
  const cached = readCachedDiagram(defaultCacheDir, seedDiagram?.key ?? '');
  const words = cached && describeDiagram(cached.graph);

  test('is in the cache with its parse: 18 nodes, 17 edges, 3 subgraphs (as Mermaid reads it)', () => {
    expect(cached?.graph.nodes).toHaveLength(18);
    expect(cached?.graph.edges).toHaveLength(17);
    expect(cached?.graph.subgraphs?.map((s) => s.title)).toEqual(["China's AI Advancement", 'Open Model Commoditization', 'Beyond Scaling Up']);
  });

  test('tells each edge in the group of its source node (counted by hand: 5 + 6 + 5 + 1 = 17)', () => {
    expect(words?.groups.map((g) => [g.title, g.items.length])).toEqual([
      ["China's AI Advancement", 5],
      ['Open Model Commoditization', 6],
      ['Beyond Scaling Up', 5],
    ]);
    expect(words?.groups[0]?.items[0]).toBe('DeepSeek-R1 — Comparable Performance → OpenAI Models');
    expect(words?.groups[1]?.items).toContain('Open Weight Models — Example → DeepSeek-R1');
    expect(words?.groups[2]?.items).toContain('Optimizations — Shown by → DeepSeek-R1');
    // D, I and N are defined inside subgraphs, so their edges written below the subgraphs stay there.
    expect(words?.groups[0]?.items).toContain('Geopolitical Shift → AI Supply Chain Impact');
    expect(words?.groups[2]?.items).toContain('Shift from scaling → Nuanced Approach to AI Progress');
    expect(words?.others).toEqual(['AI Supply Chain Impact → Geopolitical Implications']);
  });
});

describe('describeDiagram on flowcharts', () => {
  test('labelled links keep their direction: one-way, none, both', () => {
    const words = describeDiagram(flow({ edges: [edge('A', 'B', 'arrow_point', 'x'), edge('A', 'B', 'arrow_open', 'y'), edge('A', 'B', 'double_arrow_point', 'z')] }));
    expect(words?.others).toEqual(['A — x → B', 'A — y — B', 'A ← z → B']);
  });

  test('invisible links are left out, and nodes with no other link are listed by label', () => {
    const words = describeDiagram(flow({ nodes: [{ id: 'A', text: 'Alpha' }, { id: 'B', text: 'Beta' }], edges: [edge('A', 'B', 'arrow_open', '', 'invisible')] }));
    expect(words?.others).toEqual(['Alpha', 'Beta']);
  });

  test('a node whose label Mermaid emptied is told by its id', () => {
    expect(describeDiagram(flow({ nodes: [{ id: 'A', text: '' }, { id: 'B', text: 'Bee' }], edges: [edge('A', 'B')] }))?.others).toEqual(['A → Bee']);
  });

  test('a link to a subgraph names it by its title, and the subgraph is not listed as a node', () => {
    const words = describeDiagram(flow({
      nodes: [{ id: 'A', text: 'A' }, { id: 'g', text: 'g' }],
      subgraphs: [{ id: 'g', title: 'The group', nodes: [] }],
      edges: [edge('A', 'g')],
    }));
    expect(words).toEqual({ groups: [{ title: 'The group', items: [] }], others: ['A → The group'] });
  });
});

describe('describeDiagram on other diagram types', () => {
  test('sequence: messages in order, two-way ones as ↔, markup-free', () => {
    const messages = [{ from: 'Alice', to: 'Bob', text: 'Hi<br>there', twoWay: false }, { from: 'Bob', to: 'Alice', text: 'Yo', twoWay: true }];
    expect(describeDiagram({ type: 'sequence', title: '', description: '', messages })?.others).toEqual(['Alice → Bob: Hi there', 'Bob ↔ Alice: Yo']);
  });

  test('pie: slices and values; a type whose db gives no list gets none', () => {
    expect(describeDiagram({ type: 'pie', title: '', description: '', sections: [['Dogs', 3]] })?.others).toEqual(['Dogs: 3']);
    expect(describeDiagram({ type: 'stateDiagram', title: 'S', description: '' })).toBeUndefined();
  });
});

describe('plainLabel', () => {
  test('markdown strings lose their markup; text labels lose <br> but keep other text as written', () => {
    expect(plainLabel({ text: '**Bold** and _it_\nnext `code`', labelType: 'markdown' })).toBe('Bold and it next code');
    expect(plainLabel({ text: 'one<br/>two <BR> three', labelType: 'text' })).toBe('one two three');
    expect(plainLabel({ text: '<b>kept</b>', labelType: 'text' })).toBe('<b>kept</b>');
  });
});
