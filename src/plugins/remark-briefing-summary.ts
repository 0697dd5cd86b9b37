/**
 * Puts a briefing's structured summary (frontmatter `summary`) at the top of its body as
 * ordinary Markdown headings, lists and paragraphs. The summary is written once, in
 * frontmatter where the schema checks it, and then gets the same heading ids, permalinks
 * and table-of-contents entries as every other section.
 */
import type { Heading, List, Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { summarySectionIds, type BriefingSummary } from '../lib/briefing-summary.ts';

function text(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

function heading(depth: 2 | 3, value: string, id: string, className?: string): Heading {
  return {
    type: 'heading',
    depth,
    children: [{ type: 'text', value }],
    data: { hProperties: className ? { id, className: [className] } : { id } },
  };
}

function list(items: string[], ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((item) => ({ type: 'listItem', spread: false, children: [text(item)] })),
  };
}

/** `<TrendPrices expensive cheap />`: the trend's figures, computed from the price data. */
function trendPrices({ expensive, cheap }: { expensive: string; cheap: string }): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'TrendPrices',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'expensive', value: expensive },
      { type: 'mdxJsxAttribute', name: 'cheap', value: cheap },
    ],
    children: [],
  };
}

/** The summary as Markdown nodes, in the seed's order. */
export function summaryToMdast(summary: BriefingSummary): RootContent[] {
  const ids = summarySectionIds;
  return [
    heading(2, 'Summary', ids.summary),
    ...summary.trends.flatMap((trend, i) => [
      heading(3, `${i + 1}. ${trend.title}`, trend.id, 'trend-heading'),
      list(trend.points),
      ...(trend.prices ? [trendPrices(trend.prices)] : []),
    ]),
    heading(2, 'Core point', ids.corePoint),
    text(summary.corePoint),
    heading(2, 'Fundamental point', ids.fundamentalPoint),
    text(summary.fundamentalPoint),
    heading(2, 'Overarching framework', ids.framework),
    text(summary.framework.intro),
    list(summary.framework.points, true),
  ];
}

export function remarkBriefingSummary() {
  return (tree: Root, file: VFile) => {
    const data = file.data as { astro?: { frontmatter?: { summary?: BriefingSummary } } };
    const summary = data.astro?.frontmatter?.summary;
    // Pages without a summary (and malformed ones, which the content schema rejects) are left alone.
    if (!summary || !Array.isArray(summary.trends) || !summary.framework) return;
    tree.children.unshift(...summaryToMdast(summary));
  };
}
