/**
 * Turns one rendered diagram into the figure a reader sees.
 *
 * - Mermaid's own <style> and style="" attributes are dropped: src/styles/diagram.css themes
 *   every diagram (light and dark) from one external stylesheet, which also keeps the page's
 *   Content-Security-Policy free of inline styles. An author's `style X fill:…` survives as SVG
 *   presentation attributes on a node marked `dg-styled`.
 * - Ids are made unique per page and valid (src/lib/diagram-svg.ts).
 * - The SVG is shown whole, scaled to the figure's width (an overview), with a "View full size"
 *   control: a link to a CSS :target view at natural size (16 px labels) that works without
 *   JavaScript, upgraded by src/scripts/diagram-viewer.ts to a dialog that pans and zooms.
 *   Below come "the diagram in words" and the highlighted source.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { cleanDiagramSvg } from '../lib/diagram-svg.ts';
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
function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function txt(value: string): ElementContent {
  return { type: 'text', value };
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
  const svgElement = cleanDiagramSvg(svg, id);
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
