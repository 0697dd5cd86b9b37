/**
 * A rendered Mermaid SVG cleaned as the site shows it, as a hast tree: Mermaid's <style> and
 * style="" attributes dropped (src/styles/diagram.css themes every diagram), an author's
 * `style X fill:…` kept as presentation attributes on a node marked `dg-styled`, ids made valid
 * and unique (Mermaid puts subgraph titles, spaces and all, in ids), geometry rounded.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

const PRESENTATION = new Set(['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'color']);

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

/** Cleans the SVG in place. */
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

/** The rendered diagram `svg`, cleaned, with every id prefixed by `id`. */
export function cleanDiagramSvg(svg: string, id: string): Element {
  const element = parseSvg(svg);
  cleanSvg(element, id);
  return element;
}
