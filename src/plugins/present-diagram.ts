/**
 * Turns one rendered diagram into the figure a reader sees.
 *
 * - Mermaid's own <style> and style="" attributes are dropped: src/styles/diagram.css themes
 *   every diagram (light and dark) from one external stylesheet, which also keeps the page's
 *   Content-Security-Policy free of inline styles. An author's `style X fill:…` survives as SVG
 *   presentation attributes on a node marked `dg-styled`.
 * - Ids are made unique per page and valid (Mermaid puts subgraph titles, spaces and all, in ids).
 * - The SVG is shown whole, scaled to the figure's width (an overview), with a "View full size"
 *   control: a link to a CSS :target view at natural size (16 px labels) that works without
 *   JavaScript, upgraded by src/scripts/diagram-viewer.ts to a dialog that pans and zooms.
 *   Below come "the diagram in words" and the highlighted source.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describeDiagram, type DiagramGraph } from '../lib/diagram-words.ts';

export type PresentInput = {
  /** Rendered SVG markup, ids prefixed with `mmdrender-0`. */
  svg: string;
  /** Mermaid's parse of its source (from the render cache), told as "the diagram in words". */
  graph: DiagramGraph;
  /** Its cache key. */
  key: string;
  /** Position of the diagram in its page, to keep ids unique. */
  index: number;
  /** The source highlighted by Shiki. */
  highlighted: Element;
};

/** Style properties an author may set on a node, kept as SVG presentation attributes. */
const PRESENTATION = new Set(['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'color']);

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function txt(value: string): ElementContent {
  return { type: 'text', value };
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function parseSvg(svg: string): Element {
  const root = fromHtml(svg, { fragment: true, space: 'svg' });
  const element = root.children.find((child): child is Element => child.type === 'element');
  if (!element || element.tagName !== 'svg') throw new Error('Rendered diagram holds no <svg> element.');
  return element;
}

/** Author styles (`style A fill:#aaddff`) as attributes; anything else Mermaid inlined is dropped. */
function styleToAttributes(node: Element): boolean {
  const style = node.properties['style'];
  delete node.properties['style'];
  if (typeof style !== 'string') return false;
  let kept = false;
  for (const declaration of style.split(';')) {
    const [name, ...rest] = declaration.split(':');
    const property = name?.trim().toLowerCase() ?? '';
    const value = rest.join(':').replace(/!important/g, '').trim();
    if (!PRESENTATION.has(property) || value === '' || !/^[#\w.,%() -]+$/.test(value)) continue;
    // Only an author's fill marks a node as styled; Mermaid's own stroke widths are noise.
    if (property === 'fill') kept = true;
    node.properties[property.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return kept;
}

const GEOMETRY = ['d', 'transform', 'x', 'y', 'dx', 'dy', 'width', 'height', 'points', 'viewBox', 'rx', 'ry', 'cx', 'cy', 'r', 'refX', 'refY'];

function roundNumbers(value: string): string {
  return value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/** Mermaid wraps every word of a label in its own <tspan>; one text node per line renders the same. */
function mergeWordSpans(node: Element): void {
  if (node.tagName !== 'tspan' || !classes(node).includes('text-outer-tspan')) return;
  const words = node.children.every((c) => c.type === 'element' && c.tagName === 'tspan' && classes(c).includes('text-inner-tspan'));
  if (!words || node.children.length === 0) return;
  const text = node.children.map((c) => (c.type === 'element' ? c.children.map((t) => ('value' in t ? t.value : '')).join('') : '')).join('');
  node.children = [{ type: 'text', value: text }];
  delete node.properties['className'];
}

/** Cleans the SVG in place; returns the ids of nodes the author styled. */
function cleanSvg(svg: Element, id: string): void {
  const validId = (value: string) => value.replaceAll('mmdrender-0', id).replace(/[^\w-]/g, '-');
  svg.children = svg.children.filter((child) => !(child.type === 'element' && child.tagName === 'style'));
  visit(svg, 'element', (node: Element, _index, parent) => {
    if (typeof node.properties['id'] === 'string') node.properties['id'] = validId(node.properties['id']);
    for (const name of ['ariaLabelledBy', 'ariaDescribedBy']) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = value.split(/\s+/).map(validId);
      if (Array.isArray(value)) node.properties[name] = value.map((v) => validId(String(v)));
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (typeof value === 'string' && value.includes('url(#mmdrender-0')) node.properties[name] = value.replaceAll('mmdrender-0', id);
    }
    // font-style="normal" is Mermaid's default restated on every tspan; MDX's JSX output would
    // also turn the attribute into an inline style="normal".
    for (const name of ['fontStyle', 'fontWeight']) if (node.properties[name] === 'normal') delete node.properties[name];
    // Renderer bookkeeping nothing on the page reads (data-points is a base64 copy of each path).
    for (const name of ['dataLook', 'dataPoints', 'dataEdge', 'dataEt', 'dataId', 'title']) delete node.properties[name];
    if (node.tagName === 'tspan' && parent?.type === 'element' && parent.properties['textAnchor'] === node.properties['textAnchor']) {
      delete node.properties['textAnchor'];
    }
    if (classes(node).includes('flowchart-link')) {
      node.properties['className'] = [...new Set(classes(node))];
    }
    // Empty placeholders Mermaid leaves in every label.
    node.children = node.children.filter(
      (c) => !(c.type === 'element' && c.tagName === 'rect' && c.children.length === 0 && c.properties['width'] === undefined && !classes(c).some((x) => x !== 'background')),
    );
    // Geometry to 1/100 px: invisible on screen, a third of the diagram's bytes.
    for (const name of GEOMETRY) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = roundNumbers(value);
      else if (typeof value === 'number') node.properties[name] = Math.round(value * 100) / 100;
    }
    mergeWordSpans(node);
    if (styleToAttributes(node)) {
      node.properties['className'] = [...classes(node), 'dg-styled'];
      if (parent && parent.type === 'element' && classes(parent).includes('node')) {
        parent.properties['className'] = [...classes(parent), 'dg-styled-node'];
      }
    }
  });
}

/** "The diagram in words", from Mermaid's own parse of the source that drew it. */
function outline(graph: DiagramGraph, id: string): Element | undefined {
  const words = describeDiagram(graph);
  if (!words) return undefined;
  const { groups, others } = words;
  const list = (items: string[]) => el('ul', {}, items.map((item) => el('li', {}, [txt(item)])));
  const sections = groups.map((group) => el('li', {}, [el('strong', {}, [txt(group.title)]), list(group.items)]));
  if (groups.length === 0) return el('div', { className: ['diagram-outline'], id: `${id}-words` }, [list(others)]);
  if (others.length > 0) sections.push(el('li', {}, [el('strong', {}, [txt('Across the groups')]), list(others)]));
  return el('div', { className: ['diagram-outline'], id: `${id}-words` }, [el('ul', {}, sections)]);
}

export function presentDiagram({ svg, graph, key, index, highlighted }: PresentInput): Element {
  const id = `diagram-${key.slice(0, 8)}-${index}`;
  const svgElement = parseSvg(svg);
  cleanSvg(svgElement, id);
  const titleNode = svgElement.children.find((c): c is Element => c.type === 'element' && c.tagName === 'title');
  const title = titleNode ? titleNode.children.map((c) => ('value' in c ? c.value : '')).join('') : 'Diagram';
  const words = outline(graph, id);
  if (words) {
    const existing = svgElement.properties['ariaDescribedBy'];
    svgElement.properties['ariaDescribedBy'] = [...(Array.isArray(existing) ? existing.map(String) : []), `${id}-words`];
  }
  const full = `${id}-full`;
  // figcaption first: a figure's caption must be its first or last child (HTML), and the
  // details come after the picture they explain.
  return el('figure', { className: ['diagram'], id: `${id}-figure`, dataDiagram: key }, [
    el('figcaption', {}, [txt(title)]),
    // The whole diagram, scaled to fit. Without JavaScript, "View full size" targets this box
    // and CSS (:target) turns it into a full-viewport scroller at natural size: the same SVG,
    // never a second copy. tabindex=-1 lets the fragment navigation focus it, so arrow keys pan.
    el('div', { className: ['diagram-view'], id: full, tabIndex: -1 }, [
      el('a', { className: ['diagram-close'], href: `#${id}-figure` }, [txt('Close full view')]),
      svgElement,
    ]),
    el('p', { className: ['diagram-actions'] }, [
      el('a', { className: ['diagram-open'], href: `#${full}`, dataDiagramOpen: '' }, [txt('View full size')]),
    ]),
    ...(words
      ? [el('details', { className: ['diagram-words'] }, [el('summary', {}, [txt('The diagram in words')]), words])]
      : []),
    el('details', { className: ['diagram-source'] }, [el('summary', {}, [txt('Diagram source')]), highlighted]),
  ]);
}

/**
 * A rendered diagram cleaned as the page shows it (no Mermaid <style>, author fills kept as
 * attributes, valid ids), unthemed: for pictures made elsewhere, such as link-preview cards.
 */
export function cleanDiagramSvg(svg: string, id: string): Element {
  const element = parseSvg(svg);
  cleanSvg(element, id);
  return element;
}
