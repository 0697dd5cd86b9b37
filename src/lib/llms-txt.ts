/**
 * `/llms.txt`, as llmstxt.org describes it: an H1 with the site's name, a `>` summary, a note,
 * then `## ` sections of `- [name](url): note` links, `## Optional` last. Written as mdast and
 * serialised by mdast-util-to-markdown, which escapes whatever a title or description holds.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';

export type LlmsLink = { title: string; url: string; note: string };

export type LlmsTxt = {
  title: string;
  summary: string;
  /** Free text after the summary: strings, and links. */
  about: (string | { text: string; url: string })[];
  /** `## <name>` sections in order; llmstxt.org readers may skip the one named "Optional". */
  sections: { name: string; links: LlmsLink[] }[];
};

const list = (links: LlmsLink[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: links.map(
    (link): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: link.url, children: [{ type: 'text', value: link.title }] },
            { type: 'text', value: `: ${link.note}` },
          ],
        },
      ],
    }),
  ),
});

export function llmsTxt({ title, summary, about, sections }: LlmsTxt): string {
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] },
    { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: summary }] }] },
    {
      type: 'paragraph',
      children: about.map((part): PhrasingContent => (typeof part === 'string' ? { type: 'text', value: part } : { type: 'link', url: part.url, children: [{ type: 'text', value: part.text }] })),
    },
    ...sections.flatMap((section): RootContent[] => [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: section.name }] },
      list(section.links),
    ]),
  ];
  return toMarkdown({ type: 'root', children } satisfies Root, { bullet: '-', listItemIndent: 'one' });
}
