/**
 * Reads the subset of Mermaid flowchart syntax our briefings use, so the page can print
 * "The diagram in words" from the same source that draws the diagram (never typed twice).
 * Pure: no DOM, no Mermaid, no packages.
 */

export type FlowNode = { id: string; label: string; subgraph?: string /* subgraph id */ };
export type FlowEdge = { from: string; to: string; label?: string };
export type Subgraph = { id: string; title: string; nodeIds: string[] };
export type FlowClick = { id: string; href: string };
export type Flowchart = {
  direction: string;
  title?: string /* accTitle */;
  description?: string /* accDescr */;
  subgraphs: Subgraph[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  clicks: FlowClick[];
};
export type FlowchartDescription = { groups: { title: string; items: string[] }[]; others: string[] };

const HEADER = /^(?:graph|flowchart)(?:\s+(TB|TD|BT|RL|LR))?$/i;
const IGNORED = /^(?:%%|(?:style|classDef|class|linkStyle|direction)\s)/;
const ID = /^[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/u;
/** [opener, ...closers], longest openers first so `((` wins over `(`. */
const SHAPES: readonly (readonly string[])[] = [
  ['(((', ')))'], ['((', '))'], ['([', '])'], ['[[', ']]'], ['[(', ')]'], ['[/', '/]', '\\]'],
  ['[\\', '\\]', '/]'], ['{{', '}}'], ['>', ']'], ['[', ']'], ['(', ')'], ['{', '}'],
];
/** Unlabelled links: `-->`, `---`, `--o`, `<-->`, `==>`, `-.->`, `-.-`, `~~~`. */
const PLAIN_LINK = /^(?:<?-{2,}[->]|-{2,}[xo](?=\s)|<?={2,}[=>]|={2,}[xo](?=\s)|<?-\.+->?|~{3,})/;
/** Links with the text inside: `-- text -->`, `== text ==>`, `-. text .->`. */
const LABELLED_LINKS = [/^<?--\s*(.+?)\s*-{2,}[->xo]/, /^<?==\s*(.+?)\s*={2,}[=>xo]/, /^<?-\.\s*(.+?)\s*\.+->?/];
const PIPE_LABEL = /^\s*\|([^|]*)\|/;

type NodeRef = { id: string; label: string | undefined };

/** Trims, unquotes and flattens `<br>` so labels read as plain text; empty → undefined. */
function clean(text: string): string | undefined {
  const unquoted = text.trim().replace(/^"(.*)"$/s, '$1');
  const flat = unquoted.replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();
  return flat === '' ? undefined : flat;
}

function readNode(text: string): (NodeRef & { rest: string }) | undefined {
  const id = ID.exec(text)?.[0];
  if (id === undefined) return undefined;
  let rest = text.slice(id.length);
  let label: string | undefined;
  const shape = SHAPES.find(([opener]) => opener !== undefined && rest.startsWith(opener));
  if (shape) {
    const [opener = '', ...closers] = shape;
    const body = rest.slice(opener.length);
    const quoted = /^\s*"[^"]*"/.exec(body);
    const from = quoted ? quoted[0].length : 0;
    const hits = closers.map((closer) => body.indexOf(closer, from)).filter((at) => at >= 0);
    if (hits.length === 0) return undefined;
    const at = Math.min(...hits);
    if (quoted && body.slice(from, at).trim() !== '') return undefined;
    label = clean(body.slice(0, at));
    rest = body.slice(at + (closers[0]?.length ?? 0));
  }
  return { id, label, rest: rest.replace(/^:::[\w-]+/, '') };
}

function readLink(text: string): { label: string | undefined; rest: string } | undefined {
  const match = PLAIN_LINK.exec(text) ?? LABELLED_LINKS.map((re) => re.exec(text)).find((m) => m);
  if (!match) return undefined;
  let rest = text.slice(match[0].length);
  let label = match[1];
  const pipe = PIPE_LABEL.exec(rest);
  if (pipe) {
    label = pipe[1];
    rest = rest.slice(pipe[0].length);
  }
  return { label: label === undefined ? undefined : clean(label), rest };
}

/** `A[x] --> B -->|y| C` → nodes [A, B, C] and the labels of the two links between them. */
function readStatement(line: string): { nodes: NodeRef[]; links: (string | undefined)[] } | undefined {
  const nodes: NodeRef[] = [];
  const links: (string | undefined)[] = [];
  let rest = line;
  for (;;) {
    const node = readNode(rest);
    if (!node) return undefined;
    nodes.push({ id: node.id, label: node.label });
    rest = node.rest.trimStart();
    if (rest === '') return { nodes, links };
    const link = readLink(rest);
    if (!link) return undefined;
    links.push(link.label);
    rest = link.rest.trimStart();
  }
}

export function parseFlowchart(source: string): Flowchart {
  const chart: Flowchart = { direction: '', subgraphs: [], nodes: [], edges: [], clicks: [] };
  const byId = new Map<string, FlowNode>();
  const labelled = new Set<string>();
  const open: { subgraph: Subgraph; line: number }[] = [];
  let description: { lines: string[]; line: number } | undefined;
  const setText = (key: 'title' | 'description', raw: string): void => {
    const text = clean(raw);
    if (text !== undefined) chart[key] = text;
  };

  const touch = ({ id, label }: NodeRef): void => {
    let node = byId.get(id);
    if (!node) {
      node = { id, label: id };
      byId.set(id, node);
      chart.nodes.push(node);
    }
    if (label !== undefined && !labelled.has(id)) {
      node.label = label;
      labelled.add(id);
    }
    // A node belongs to the first subgraph it appears in (Mermaid does the same).
    const current = open.at(-1)?.subgraph.id;
    if (node.subgraph === undefined && current !== undefined) node.subgraph = current;
  };

  for (const [index, raw] of source.split(/\r?\n/).entries()) {
    const n = index + 1;
    const trimmed = raw.trim();
    const line = trimmed.replace(/;+$/, '').trimEnd();
    const fail = (why = `cannot read \`${trimmed}\` as a node, edge or subgraph`): Error =>
      new Error(`Line ${n}: ${why}`);
    let m: RegExpExecArray | null;

    if (description) {
      const close = trimmed.indexOf('}');
      description.lines.push(close < 0 ? trimmed : trimmed.slice(0, close));
      if (close >= 0) {
        setText('description', description.lines.join(' '));
        description = undefined;
      }
    } else if (line === '' || IGNORED.test(line)) {
      continue;
    } else if (chart.direction === '') {
      m = HEADER.exec(line);
      if (!m) throw fail(`expected \`graph\` or \`flowchart\` with a direction, found \`${trimmed}\``);
      chart.direction = (m[1] ?? 'TB').toUpperCase();
    } else if ((m = /^(accTitle|accDescr)\s*:\s*(.*)$/.exec(line))) {
      setText(m[1] === 'accTitle' ? 'title' : 'description', m[2] ?? '');
    } else if ((m = /^accDescr\s*\{([^}]*)(\}?)/.exec(trimmed))) {
      if (m[2]) setText('description', m[1] ?? '');
      else description = { lines: [m[1] ?? ''], line: n };
    } else if ((m = /^subgraph\s+(.+)$/.exec(line))) {
      const header = m[1] ?? '';
      const bracketed = /^(.*?)\s*\[(.*)\]$/.exec(header);
      const title = clean(bracketed ? (bracketed[2] ?? '') : header) ?? header;
      const id = bracketed?.[1]?.trim() || title;
      const subgraph: Subgraph = { id, title, nodeIds: [] };
      chart.subgraphs.push(subgraph);
      open.push({ subgraph, line: n });
    } else if (line === 'end') {
      if (!open.pop()) throw fail('`end` without a matching `subgraph`');
    } else if ((m = /^click\s+(\S+)\s+(?:href\s+)?"([^"]*)"/.exec(line))) {
      chart.clicks.push({ id: m[1] ?? '', href: m[2] ?? '' });
    } else {
      const statement = readStatement(line);
      if (!statement) throw fail();
      statement.nodes.forEach(touch);
      statement.links.forEach((label, i) => {
        const from = statement.nodes[i]?.id ?? '';
        const to = statement.nodes[i + 1]?.id ?? '';
        chart.edges.push(label === undefined ? { from, to } : { from, to, label });
      });
    }
  }

  if (chart.direction === '') throw new Error('Line 1: expected `graph` or `flowchart` with a direction');
  if (description) throw new Error(`Line ${description.line}: \`accDescr {\` is never closed with \`}\``);
  const unclosed = open.at(-1);
  if (unclosed) throw new Error(`Line ${unclosed.line}: subgraph \`${unclosed.subgraph.id}\` is never closed with \`end\``);

  // `A --> someSubgraph` links to the cluster itself, which is not a node.
  const clusterIds = new Set(chart.subgraphs.map((s) => s.id));
  chart.nodes = chart.nodes.filter((node) => labelled.has(node.id) || !clusterIds.has(node.id));
  for (const subgraph of chart.subgraphs) {
    subgraph.nodeIds = chart.nodes.filter((node) => node.subgraph === subgraph.id).map((node) => node.id);
  }
  return chart;
}

/**
 * Sentences for the text alternative: per subgraph, one item per edge leaving a node defined there
 * ("From — label → To" or "From → To"); edges from nodes outside every subgraph go to `others`.
 * Nodes without any edge get an item of their own label. Order follows the source.
 */
export function describeFlowchart(chart: Flowchart): FlowchartDescription {
  const byId = new Map(chart.nodes.map((node) => [node.id, node]));
  const titles = new Map(chart.subgraphs.map((subgraph) => [subgraph.id, subgraph.title]));
  const name = (id: string): string => byId.get(id)?.label ?? titles.get(id) ?? id;
  const items = new Map<string | undefined, string[]>();
  const add = (group: string | undefined, item: string): void => {
    items.set(group, [...(items.get(group) ?? []), item]);
  };

  for (const edge of chart.edges) {
    const arrow = edge.label === undefined ? ' → ' : ` — ${edge.label} → `;
    add(byId.get(edge.from)?.subgraph, `${name(edge.from)}${arrow}${name(edge.to)}`);
  }
  const linked = new Set(chart.edges.flatMap((edge) => [edge.from, edge.to]));
  for (const node of chart.nodes) if (!linked.has(node.id)) add(node.subgraph, node.label);

  return {
    groups: chart.subgraphs.map((subgraph) => ({ title: subgraph.title, items: items.get(subgraph.id) ?? [] })),
    others: items.get(undefined) ?? [],
  };
}
