import { describe, expect, test } from 'vitest';
import { describeFlowchart, parseFlowchart } from '../../src/lib/flowchart-outline.ts';
import type { Flowchart } from '../../src/lib/flowchart-outline.ts';
import { seedDiagram } from '../fixtures/flowchart-outline/seed-diagram.ts';

const chart = (body: string): Flowchart => parseFlowchart(`flowchart TD\n${body}`);
const node = (c: Flowchart, id: string) => c.nodes.find((n) => n.id === id);

describe('the seed diagram', () => {
  const seed = parseFlowchart(seedDiagram);

  test('reads direction and the three subgraphs in order', () => {
    expect(seed.direction).toBe('LR');
    expect(seed.subgraphs.map((s) => s.title)).toEqual([
      "China's AI Advancement",
      'Open Model Commoditization',
      'Beyond Scaling Up',
    ]);
    expect(seed.subgraphs.map((s) => s.id)).toEqual([
      "China's AI Advancement",
      'Open Model Commoditization',
      'Beyond Scaling Up',
    ]);
  });

  test('has 18 nodes, A..R in order of first appearance, with labels from their definitions', () => {
    expect(seed.nodes.map((n) => n.id)).toEqual([...'ABCDEFGHIJKLMNOPQR']);
    expect(node(seed, 'J')?.label).toBe("DeepSeek's cost vs OpenAi");
    expect(node(seed, 'A')?.label).toBe('DeepSeek-R1');
    expect(node(seed, 'N')?.label).toBe('Shift from scaling');
    expect(node(seed, 'R')?.label).toBe('Nuanced Approach to AI Progress');
  });

  test('has 17 edges, including H → J labelled "Example"', () => {
    expect(seed.edges).toHaveLength(17);
    expect(seed.edges).toContainEqual({ from: 'H', to: 'J', label: 'Example' });
    expect(seed.edges).toContainEqual({ from: 'N', to: 'R' });
    expect(seed.edges).toContainEqual({ from: 'K', to: 'N', label: 'Impacts' });
    expect(seed.edges.filter((e) => e.label === undefined)).toHaveLength(4);
  });

  test('puts each node in the subgraph where it first appears; O, P, Q, R are in none', () => {
    const [china, open, beyond] = seed.subgraphs;
    expect(node(seed, 'A')?.subgraph).toBe("China's AI Advancement");
    expect(china?.nodeIds).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(open?.nodeIds).toEqual(['F', 'G', 'H', 'I', 'J']);
    expect(beyond?.nodeIds).toEqual(['K', 'L', 'M', 'N']);
    for (const id of ['O', 'P', 'Q', 'R']) expect(node(seed, id)).not.toHaveProperty('subgraph');
  });

  test('ignores style lines and has no clicks or accessibility text', () => {
    expect(seed.clicks).toEqual([]);
    expect(seed).not.toHaveProperty('title');
    expect(seed).not.toHaveProperty('description');
  });

  test('describes edges in the group of their source node (counted by hand: 5 + 6 + 5 + 1 = 17)', () => {
    const { groups, others } = describeFlowchart(seed);
    expect(groups.map((g) => [g.title, g.items.length])).toEqual([
      ["China's AI Advancement", 5],
      ['Open Model Commoditization', 6],
      ['Beyond Scaling Up', 5],
    ]);
    expect(groups[0]?.items[0]).toBe('DeepSeek-R1 — Comparable Performance → OpenAI Models');
    expect(groups[1]?.items).toContain('Open Weight Models — Example → DeepSeek-R1');
    expect(groups[0]?.items).not.toContain('Open Weight Models — Example → DeepSeek-R1');
    expect(groups[2]?.items).toContain('Optimizations — Shown by → DeepSeek-R1');
    // D, I and N are defined inside subgraphs, so their edges written below the subgraphs stay there.
    expect(groups[0]?.items.at(-1)).toBe('Geopolitical Shift → AI Supply Chain Impact');
    expect(groups[1]?.items.at(-1)).toBe('Application Builders → Great Business Opportunities');
    expect(groups[2]?.items.at(-1)).toBe('Shift from scaling → Nuanced Approach to AI Progress');
    // O is the only source outside every subgraph; no node lacks an edge.
    expect(others).toEqual(['AI Supply Chain Impact → Geopolitical Implications']);
  });
});

describe('header', () => {
  test.each([
    ['graph LR', 'LR'],
    ['flowchart TD', 'TD'],
    ['flowchart tb', 'TB'],
    ['graph RL;', 'RL'],
    ['graph', 'TB'],
  ])('%s → %s', (header, direction) => {
    expect(parseFlowchart(`${header}\n  A --> B`).direction).toBe(direction);
  });

  test('may follow blank lines and %% directives', () => {
    expect(parseFlowchart('\n%%{init: {"theme": "dark"}}%%\ngraph BT\nA').direction).toBe('BT');
  });
});

describe('node shapes', () => {
  test.each([
    ['A[text]', 'text'],
    ['B(text)', 'text'],
    ['C{text}', 'text'],
    ['D((text))', 'text'],
    ['E([text])', 'text'],
    ['F[[text]]', 'text'],
    ['G>text]', 'text'],
    ['H{{text}}', 'text'],
    ['I[(text)]', 'text'],
    ['J(((text)))', 'text'],
    ['K[/text/]', 'text'],
    ['L[\\text/]', 'text'],
    ['M["text"]', 'text'],
    ['N["a (quoted) [label] with {brackets}"]', 'a (quoted) [label] with {brackets}'],
    ['O[two<br/>lines]', 'two lines'],
    ['P[text]:::highlight', 'text'],
    ['Q[DeepSeek-R1]', 'DeepSeek-R1'],
  ])('%s is labelled %j', (line, label) => {
    const parsed = chart(line);
    expect(parsed.nodes).toHaveLength(1);
    expect(parsed.nodes[0]?.label).toBe(label);
    expect(parsed.edges).toEqual([]);
  });

  test('a node never given a label is labelled by its id; the first label wins', () => {
    const parsed = chart('A --> B\nB[Bee]\nB[Other] --> C(Sea)\nnode_1-x');
    expect(parsed.nodes).toEqual([
      { id: 'A', label: 'A' },
      { id: 'B', label: 'Bee' },
      { id: 'C', label: 'Sea' },
      { id: 'node_1-x', label: 'node_1-x' },
    ]);
  });
});

describe('edges', () => {
  test.each([
    ['A -- text --> B', 'text'],
    ['A -->|text| B', 'text'],
    ['A-->|text|B', 'text'],
    ['A -->|"quoted text"| B', 'quoted text'],
    ['A --> B', undefined],
    ['A---B', undefined],
    ['A --- B', undefined],
    ['A ----> B', undefined],
    ['A -.-> B', undefined],
    ['A -.- B', undefined],
    ['A -. text .-> B', 'text'],
    ['A ==> B', undefined],
    ['A == text ==> B', 'text'],
    ['A --o B', undefined],
    ['A --x B', undefined],
    ['A <--> B', undefined],
    ['A ~~~ B', undefined],
    ['A -- text --- B', 'text'],
    ['A -- two-word text --> B', 'two-word text'],
    ['A -- "quoted" --> B', 'quoted'],
    ['A --> B;', undefined],
  ])('%s', (line, label) => {
    const parsed = chart(line);
    expect(parsed.nodes.map((n) => n.id)).toEqual(['A', 'B']);
    expect(parsed.edges).toEqual([label === undefined ? { from: 'A', to: 'B' } : { from: 'A', to: 'B', label }]);
  });

  test('`A -- text -->J(label)` with no space before the target', () => {
    const parsed = chart('A -- text -->J(label)');
    expect(parsed.edges).toEqual([{ from: 'A', to: 'J', label: 'text' }]);
    expect(node(parsed, 'J')?.label).toBe('label');
  });

  test('`N-->R[label]` with no spaces at all', () => {
    const parsed = chart('N-->R[label]');
    expect(parsed.edges).toEqual([{ from: 'N', to: 'R' }]);
    expect(node(parsed, 'R')?.label).toBe('label');
  });

  test('chains make one edge per link', () => {
    const parsed = chart('A[Start] --> B -->|then| C{End?} -- no --> A');
    expect(parsed.edges).toEqual([
      { from: 'A', to: 'B' },
      { from: 'B', to: 'C', label: 'then' },
      { from: 'C', to: 'A', label: 'no' },
    ]);
    expect(parsed.nodes.map((n) => n.label)).toEqual(['Start', 'B', 'End?']);
  });

  test('an empty pipe label means no label', () => {
    expect(chart('A -->|| B').edges).toEqual([{ from: 'A', to: 'B' }]);
  });

  test('an edge to a subgraph id does not invent a node', () => {
    const parsed = chart('subgraph S [Cluster]\n  X\nend\nA --> S');
    expect(parsed.nodes.map((n) => n.id)).toEqual(['X', 'A']);
    expect(describeFlowchart(parsed).others).toEqual(['A → Cluster']);
  });
});

describe('ignored lines', () => {
  test('style, classDef, class, linkStyle, direction, comments and blank lines', () => {
    const parsed = chart(
      [
        '%% a comment',
        '  ',
        'A --> B',
        'style A fill:#fff',
        'classDef hot fill:#f96',
        'class A,B hot',
        'linkStyle 0 stroke:#ff3',
        '   %% indented comment --> not an edge',
        'direction LR',
      ].join('\n'),
    );
    expect(parsed.nodes.map((n) => n.id)).toEqual(['A', 'B']);
    expect(parsed.edges).toHaveLength(1);
  });

  test('Windows line endings', () => {
    const parsed = parseFlowchart('graph LR\r\n  A[One] --> B[Two]\r\n');
    expect(parsed.nodes.map((n) => n.label)).toEqual(['One', 'Two']);
  });
});

describe('click lines', () => {
  test('`click ID href "url"` and `click ID "url"` become clicks, tooltips and targets ignored', () => {
    const parsed = chart(
      [
        'A --> B',
        'click A href "https://example.com/a" "Open A" _blank',
        'click B "https://example.com/b"',
      ].join('\n'),
    );
    expect(parsed.clicks).toEqual([
      { id: 'A', href: 'https://example.com/a' },
      { id: 'B', href: 'https://example.com/b' },
    ]);
    expect(parsed.nodes).toHaveLength(2);
  });
});

describe('accTitle and accDescr', () => {
  test('single-line forms', () => {
    const parsed = chart('accTitle: How prices fall\naccDescr: Open models push costs down.\nA --> B');
    expect(parsed.title).toBe('How prices fall');
    expect(parsed.description).toBe('Open models push costs down.');
    expect(parsed.nodes).toHaveLength(2);
  });

  test('block form over several lines', () => {
    const parsed = chart('accDescr {\n  First line,\n  second line.\n}\nA --> B');
    expect(parsed.description).toBe('First line, second line.');
    expect(parsed.edges).toHaveLength(1);
  });

  test('block form on one line', () => {
    expect(chart('accDescr { All in one. }\nA').description).toBe('All in one.');
  });
});

describe('subgraphs', () => {
  test.each([
    ['subgraph one [Title One]', 'one', 'Title One'],
    ['subgraph one["Quoted Title"]', 'one', 'Quoted Title'],
    ['subgraph Beyond Scaling Up[Beyond Scaling Up]', 'Beyond Scaling Up', 'Beyond Scaling Up'],
    ['subgraph Just a title', 'Just a title', 'Just a title'],
  ])('%s → id %j, title %j', (header, id, title) => {
    const parsed = chart(`${header}\n  A --> B\nend`);
    expect(parsed.subgraphs).toEqual([{ id, title, nodeIds: ['A', 'B'] }]);
    expect(node(parsed, 'A')?.subgraph).toBe(id);
  });

  test('a node stays in the first subgraph it appears in', () => {
    const parsed = chart('subgraph one\n  A\nend\nsubgraph two\n  B --> A\nend');
    expect(parsed.subgraphs.map((s) => s.nodeIds)).toEqual([['A'], ['B']]);
  });

  test('a node mentioned outside first joins the subgraph it later appears in', () => {
    const parsed = chart('X --> Y\nsubgraph one\n  Y[Why] --> Z\nend');
    expect(parsed.nodes.map((n) => [n.id, n.subgraph])).toEqual([
      ['X', undefined],
      ['Y', 'one'],
      ['Z', 'one'],
    ]);
  });

  test('nested subgraphs claim nodes for the innermost one', () => {
    const parsed = chart('subgraph outer\n  A\n  subgraph inner\n    B\n  end\n  C\nend');
    expect(parsed.subgraphs).toEqual([
      { id: 'outer', title: 'outer', nodeIds: ['A', 'C'] },
      { id: 'inner', title: 'inner', nodeIds: ['B'] },
    ]);
  });
});

describe('errors', () => {
  test('names the 1-based line within the source and quotes it', () => {
    const source = ['graph LR', '  A --> B', '', '  subgraph s [S]', '    C', '  end', '  A -> B', '  B --> C'].join('\n');
    expect(() => parseFlowchart(source)).toThrow('Line 7: cannot read `A -> B` as a node, edge or subgraph');
  });

  test.each([
    ['A -->', 'Line 2: cannot read `A -->` as a node, edge or subgraph'],
    ['A[unclosed', 'Line 2: cannot read `A[unclosed` as a node, edge or subgraph'],
    ['A & B --> C', 'Line 2: cannot read `A & B --> C` as a node, edge or subgraph'],
    ['click A callback', 'Line 2: cannot read `click A callback` as a node, edge or subgraph'],
    ['A["quoted" extra]', 'Line 2: cannot read `A["quoted" extra]` as a node, edge or subgraph'],
    ['A\nend', 'Line 3: `end` without a matching `subgraph`'],
    ['A\nsubgraph s\n  B', 'Line 3: subgraph `s` is never closed with `end`'],
    ['accDescr {\n text', 'Line 2: `accDescr {` is never closed with `}`'],
  ])('%j', (body, message) => {
    expect(() => chart(body)).toThrow(message);
  });

  test('a missing or wrong header', () => {
    expect(() => parseFlowchart('')).toThrow('Line 1: expected `graph` or `flowchart`');
    expect(() => parseFlowchart('\nsequenceDiagram\n  A->>B: hi')).toThrow(
      'Line 2: expected `graph` or `flowchart` with a direction, found `sequenceDiagram`',
    );
  });
});

describe('describeFlowchart', () => {
  test('unlabelled edges, isolated nodes and nodes outside subgraphs', () => {
    const parsed = chart(
      ['subgraph s [Group]', '  A[Alpha] --> B[Beta]', '  L[Lonely]', 'end', 'C[Gamma] -- feeds --> A', 'D[Delta]'].join('\n'),
    );
    expect(describeFlowchart(parsed)).toEqual({
      groups: [{ title: 'Group', items: ['Alpha → Beta', 'Lonely'] }],
      others: ['Gamma — feeds → Alpha', 'Delta'],
    });
  });

  test('an empty subgraph still gets a group, with no items', () => {
    expect(describeFlowchart(chart('subgraph Empty\nend\nA --> B'))).toEqual({
      groups: [{ title: 'Empty', items: [] }],
      others: ['A → B'],
    });
  });
});
