/**
 * "The diagram in words", written from Mermaid's own parse of the diagram (its db, read in the
 * browser that renders it and stored in the render cache), never from a second reading of the
 * source. Pure: no DOM, no Mermaid.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

type Label = { text: string; labelType?: string };
/** What Mermaid's db holds about one diagram, as stored beside its SVG. */
export type DiagramGraph = {
  /** Mermaid's diagram type: 'flowchart-v2', 'sequence', 'pie', 'stateDiagram', … */
  type: string;
  title: string;
  description: string;
  /** Flowcharts: db.getVertices(), db.getEdges(), db.getSubGraphs(). */
  nodes?: (Label & { id: string; fill?: string })[];
  edges?: (Label & { start: string; end: string; type: string; stroke: string })[];
  subgraphs?: { id: string; title: string; labelType?: string; nodes: string[] }[];
  /** Sequence diagrams: db.getMessages() in order, notes and block markers left out. */
  messages?: { from: string; to: string; text: string; twoWay: boolean }[];
  /** Pie charts: db.getSections(). */
  sections?: [string, number][];
};
export type DiagramWords = { groups: { title: string; items: string[] }[]; others: string[] };

/** A label as a reader sees it: markdown strings as plain text, `<br>` as a space. */
export function plainLabel({ text, labelType }: Label): string {
  const plain = labelType === 'markdown' ? toString(fromMarkdown(text)) : text.replace(/<br\s*\/?>/gi, ' ');
  return plain.replace(/\s+/g, ' ').trim();
}

/** `A → B`, `A — B` (no arrow), `A ↔ B` (both ends), with the link's label inside. */
function link(from: string, to: string, type: string, label: string): string {
  const [left, right, bare] = type === 'arrow_open' ? ['—', '—', '—'] : type.startsWith('double_') ? ['←', '→', '↔'] : ['—', '→', '→'];
  return label === '' ? `${from} ${bare} ${to}` : `${from} ${left} ${label} ${right} ${to}`;
}

function describeFlowchart(graph: DiagramGraph): DiagramWords {
  const subgraphs = graph.subgraphs ?? [];
  const titles = new Map(subgraphs.map((s) => [s.id, plainLabel({ text: s.title, labelType: s.labelType ?? 'text' })]));
  const labels = new Map((graph.nodes ?? []).map((n) => [n.id, plainLabel(n)]));
  // A label Mermaid emptied (a strict-mode `<script>`) is told by its id.
  const name = (id: string): string => titles.get(id) || labels.get(id) || id;
  // A node belongs to the first subgraph Mermaid lists it in; its links are told there.
  const groupOf = (id: string): string | undefined => subgraphs.find((s) => s.nodes.includes(id))?.id;
  const items = new Map<string | undefined, string[]>();
  const add = (group: string | undefined, item: string): void => void items.set(group, [...(items.get(group) ?? []), item]);
  // `~~~` links only steer the layout: nothing to tell.
  const edges = (graph.edges ?? []).filter((e) => e.stroke !== 'invisible');
  for (const e of edges) add(groupOf(e.start), link(name(e.start), name(e.end), e.type, plainLabel(e)));
  const linked = new Set(edges.flatMap((e) => [e.start, e.end]));
  for (const node of graph.nodes ?? []) if (!linked.has(node.id) && !titles.has(node.id)) add(groupOf(node.id), name(node.id));
  return {
    groups: subgraphs.map((s) => ({ title: name(s.id), items: items.get(s.id) ?? [] })),
    others: items.get(undefined) ?? [],
  };
}

/** The list that tells the diagram, or undefined when Mermaid's db offers none (title and description then stand alone). */
export function describeDiagram(graph: DiagramGraph): DiagramWords | undefined {
  if (graph.nodes) return describeFlowchart(graph);
  const others = graph.messages
    ? graph.messages.map((m) => `${m.from} ${m.twoWay ? '↔' : '→'} ${m.to}: ${plainLabel({ text: m.text })}`)
    : (graph.sections ?? []).map(([label, value]) => `${label}: ${value}`);
  return others.length > 0 ? { groups: [], others } : undefined;
}
