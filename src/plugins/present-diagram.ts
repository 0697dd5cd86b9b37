/**
 * Turns one rendered diagram into the figure a reader sees: the SVG at full size in a
 * horizontally scrollable, keyboard-focusable region.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export type PresentInput = {
  /** Rendered SVG markup, ids prefixed with `mmdrender-0`. */
  svg: string;
  /** The Mermaid source it came from. */
  source: string;
  /** Its cache key. */
  key: string;
  /** Position of the diagram in its page, to keep ids unique. */
  index: number;
};

/** Rewrites the renderer's ids so two diagrams on one page never collide. */
export function uniqueIds(svg: string, id: string): string {
  return svg.replaceAll('mmdrender-0', id);
}

function parseSvg(svg: string): Element {
  const root = fromHtml(svg, { fragment: true, space: 'svg' });
  const element = root.children.find((child): child is Element => child.type === 'element');
  if (!element) throw new Error('Rendered diagram holds no <svg> element.');
  return element;
}

function el(tagName: string, properties: Element['properties'], children: Element['children'] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function presentDiagram({ svg, key, index }: PresentInput): Element {
  const id = `diagram-${key.slice(0, 8)}-${index}`;
  const svgElement = parseSvg(uniqueIds(svg, id));
  const title = String(svgElement.properties['ariaRoledescription'] ?? 'Diagram');
  return el('figure', { className: ['diagram'], id: `${id}-figure` }, [
    el(
      'div',
      {
        className: ['diagram-scroll'],
        tabIndex: 0,
        role: 'region',
        ariaLabel: `${title} (scrolls sideways)`,
      },
      [svgElement],
    ),
  ]);
}
