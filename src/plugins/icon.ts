/** A 16x16 inline SVG icon (hast), hidden from assistive technology: its link is named elsewhere. */
import type { Element } from 'hast';

export function icon(d: string): Element {
  return {
    type: 'element',
    tagName: 'svg',
    properties: { viewBox: '0 0 16 16', width: 16, height: 16, ariaHidden: 'true', focusable: 'false' },
    children: [{ type: 'element', tagName: 'path', properties: { fill: 'currentColor', d }, children: [] }],
  };
}
