/**
 * Compiles MDX in-process through the processor `astro build` uses for .mdx files: the
 * `markdown.processor` of astro.config.mjs (our remark/rehype plugins, in their order, plus
 * Astro's own: GFM, Shiki, heading ids, frontmatter export), called the way @astrojs/mdx calls it.
 * A failure that comes from a plugin is then shown in well under a second instead of a full
 * `astro build` of a throwaway site.
 */
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { parseFrontmatter, unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import config from '../../astro.config.mjs';

type MdxRenderer = { process: (content: string, path: string, frontmatter: Record<string, unknown>) => Promise<{ code: string }> };
type MdxProcessor = {
  options: UnifiedProcessorOptions;
  createMdxRenderer?: (shared: object, mdx: { optimize: boolean; sourcemap?: boolean }) => Promise<MdxRenderer>;
};

export type Compiled = {
  /** The hast after the last of our rehype plugins (Astro's later plugins only turn it into JS). */
  tree: Root;
  /** The frontmatter as the page receives it, with what the plugins added (e.g. `sections`). */
  frontmatter: Record<string, unknown>;
  /** The headings Astro hands to the page, which the table of contents lists. */
  headings: MarkdownHeading[];
};

const seen = new Map<string, { tree: Root; file: VFile }>();

/** Keeps a copy of the tree and the file: observes, changes nothing. */
function rehypeObserve() {
  return (tree: Root, file: VFile) => {
    seen.set(file.path, { tree: structuredClone(tree), file });
  };
}

let renderer: Promise<MdxRenderer> | undefined;

function mdxRenderer(): Promise<MdxRenderer> {
  const { processor, syntaxHighlight, shikiConfig } = config.markdown ?? {};
  const configured = processor as MdxProcessor | undefined;
  if (!configured?.createMdxRenderer) throw new Error('astro.config.mjs has no markdown.processor that renders MDX');
  // The configured plugin lists, as they are, with an observer after them.
  const options = configured.options;
  const observed = unified({ ...options, rehypePlugins: [...(options.rehypePlugins ?? []), rehypeObserve] }) as unknown as MdxProcessor;
  // What @astrojs/mdx passes (vite-plugin-mdx.js, resolveMdxRenderer) when mdx() has no options.
  renderer ??= observed.createMdxRenderer!({ syntaxHighlight, shikiConfig }, { optimize: false, sourcemap: false });
  return renderer;
}

/**
 * Compiles one .mdx file's text as the build does: the frontmatter is blanked in place (so line
 * numbers stay those of the file) and handed to the plugins as `file.data.astro.frontmatter`.
 * Rejects with the plugin's error (a VFileMessage naming file and line) where the build would fail.
 */
export async function compileMdx(path: string, text: string): Promise<Compiled> {
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  seen.delete(path);
  await (await mdxRenderer()).process(content, path, frontmatter);
  const observed = seen.get(path);
  if (!observed) throw new Error(`the observer did not run for ${path}`);
  const astro = (observed.file.data as { astro?: { frontmatter?: Record<string, unknown>; headings?: MarkdownHeading[] } }).astro;
  return { tree: observed.tree, frontmatter: astro?.frontmatter ?? {}, headings: astro?.headings ?? [] };
}
