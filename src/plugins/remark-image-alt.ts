/**
 * Every image in content needs a text alternative: a Markdown image with empty alt text, or an
 * <img> without an alt attribute, fails the build at its line.
 */
import type { Image, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function remarkImageAlt() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'image' && !(node as Image).alt?.trim()) {
        file.fail(
          `The image ${(node as Image).url} has no alt text. Describe it: ![what the image shows](${(node as Image).url}).`,
          node,
          'content:image-alt',
        );
      }
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as MdxJsxFlowElement).name === 'img') {
        const element = node as MdxJsxFlowElement | MdxJsxTextElement;
        const alt = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'alt');
        if (!alt) file.fail('An <img> has no alt attribute. Add alt="what the image shows".', node, 'content:image-alt');
      }
    });
  };
}
