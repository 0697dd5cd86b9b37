/**
 * Shiki highlighting for code the plugins emit themselves (e.g. a diagram's source), with the
 * same themes and markup as Astro's own code blocks, so one stylesheet serves both.
 */
import type { Element, Root } from 'hast';
import { createHighlighter, type Highlighter } from 'shiki';
import { shikiStyleToClasses, shikiThemes } from './shiki-classes.ts';

let highlighter: Promise<Highlighter> | undefined;

export async function highlightToHast(code: string, lang: 'mermaid' | 'ts'): Promise<Element> {
  highlighter ??= createHighlighter({ themes: Object.values(shikiThemes), langs: ['mermaid', 'ts'] });
  const root = (await highlighter).codeToHast(code, {
    lang,
    themes: shikiThemes,
    defaultColor: false,
    transformers: [shikiStyleToClasses],
    // Shiki stops colouring a line after a time limit by default: on a busy machine the same page came
    // out with plain-text tokens, and two builds differed. No limit: the same input, the same bytes.
    tokenizeTimeLimit: 0,
  }) as Root;
  const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
  if (!pre) throw new Error('Shiki returned no <pre>.');
  // Shiki's hast uses the raw attribute name `class` (a string), not hast's `className`.
  const raw: unknown = pre.properties['className'] ?? pre.properties['class'];
  const existing = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : [];
  delete pre.properties['class'];
  pre.properties['className'] = [...existing, 'astro-code'];
  return pre;
}
