/**
 * Options for rehype-autolink-headings: a visible "#" link after each h2/h3.
 * The link is named by aria-label, not by hidden text, so the heading's own text (and the
 * table of contents built from it) stays clean and a screen reader hears the title once.
 */
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Options } from 'rehype-autolink-headings';
import { icon } from './icon.ts';

export const permalinkOptions: Options = {
  behavior: 'append',
  test: ['h2', 'h3'],
  properties: (heading: Element) => ({
    className: ['permalink'],
    ariaLabel: `Link to section: ${toString(heading).trim()}`,
  }),
  content: icon('M6.2 10.9 5.1 12a2.1 2.1 0 0 1-3-3l2.5-2.5a2.1 2.1 0 0 1 3 0l.7-.7a3.1 3.1 0 0 0-4.4 0L1.4 8.3a3.1 3.1 0 0 0 4.4 4.4l1.1-1.1zm3.6-5.8L10.9 4a2.1 2.1 0 0 1 3 3l-2.5 2.5a2.1 2.1 0 0 1-3 0l-.7.7a3.1 3.1 0 0 0 4.4 0l2.5-2.5a3.1 3.1 0 0 0-4.4-4.4L9.1 4.4zM5.4 9.9l4.5-4.5.7.7-4.5 4.5z'),
};
