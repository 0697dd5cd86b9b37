// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { resolveDeployTarget } from './src/lib/deploy-target.ts';
import { shikiStyleToClasses, shikiThemes } from './src/plugins/shiki-classes.ts';
import { permalinkOptions } from './src/plugins/permalink.ts';
import { rehypeBaseLinks } from './src/plugins/rehype-base-links.ts';
import { rehypeDiagrams } from './src/plugins/rehype-diagrams.ts';
import { remarkBriefingSummary } from './src/plugins/remark-briefing-summary.ts';
import { remarkImageAlt } from './src/plugins/remark-image-alt.ts';
import { remarkPriceChecks } from './src/plugins/remark-price-checks.ts';
import { LAZY_SCRIPTS } from './src/lib/lazy-scripts.ts';
import { lazyScripts } from './src/plugins/emit-lazy-scripts.ts';
import { rehypeParagraphIds } from './src/plugins/rehype-paragraph-ids.ts';
import { rehypePinIds, rehypeSectionIndex } from './src/plugins/rehype-sections.ts';

const { site, base } = resolveDeployTarget(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // Astro's whitespace compression drops the space between text and an inline element or
  // {expression} on the next line ("captured1 February", withastro/compiler#852, #999).
  // gzip takes back almost all the bytes it saved; tests/e2e/pages.spec.ts guards the text.
  compressHTML: false,
  // Per site root, not in node_modules: throwaway test sites link node_modules and must not
  // share one content cache with each other or with the real site.
  cacheDir: './.astro/cache',
  // Scoped styles by class (astro-xxxx) rather than a data-astro-cid-xxxx attribute on every element.
  scopedStyleStrategy: 'class',
  vite: {
    // Scripts that load when first needed (search, "Copy quote", the diagram viewer, search-result
    // targets) are built to fixed addresses: src/lib/lazy-scripts.ts.
    plugins: [lazyScripts(fileURLToPath(new URL('.', import.meta.url)), LAZY_SCRIPTS)],
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's own content-assets module starts with "use astro:head-inject", a marker Astro
          // reads before bundling; the bundler dropping it from the output changes nothing.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // The 404 page has no address of its own, so it stays out of the sitemap.
  integrations: [mdx(), sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) })],
  markdown: {
    // Mermaid blocks must reach rehypeDiagrams as plain code, not Shiki's spans.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
    shikiConfig: { themes: shikiThemes, defaultColor: false, transformers: [shikiStyleToClasses] },
    processor: unified({
      // The letter is published verbatim: no smart-quote rewriting.
      smartypants: false,
      remarkPlugins: [remarkBriefingSummary, remarkPriceChecks, remarkImageAlt],
      // Paragraph ids, then pinned heading ids (whose alias check knows both), then slugs for
      // pages that pin none, so permalinks can point at them.
      rehypePlugins: [
        rehypeParagraphIds,
        rehypePinIds,
        rehypeHeadingIds,
        [rehypeAutolinkHeadings, permalinkOptions],
        rehypeDiagrams,
        // Root-relative links and images in content, written as at `/`, work under BASE too.
        [rehypeBaseLinks, { base }],
        [rehypeSectionIndex, { site, base }],
      ],
    }),
  },
});
