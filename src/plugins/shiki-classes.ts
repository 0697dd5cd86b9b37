/**
 * Shiki writes token colours into style="" attributes. A Content-Security-Policy without
 * 'unsafe-inline' blocks those, so this transformer turns each declaration into a class
 * (`--shiki-light:#A0111F` → `sl-a0111f`), and `codeColorsCss()` writes one rule per colour
 * of the two themes, served as /code-colors.css. Both derive from the same theme palettes, and a
 * colour outside them fails the build rather than render unstyled.
 */
import type { Element } from 'hast';
import type { ShikiTransformer, ThemeRegistration } from 'shiki';
import darkTheme from '@shikijs/themes/github-dark-high-contrast';
import lightTheme from '@shikijs/themes/github-light-high-contrast';

/**
 * The themes, as Astro's shikiConfig and our own highlighter take them: the high-contrast GitHub
 * pair, as the default light theme's orange fails WCAG AA on white (3.5:1).
 */
export const shikiThemes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

type Variant = 'light' | 'dark';
const themes: Record<Variant, ThemeRegistration> = { light: lightTheme, dark: darkTheme };
const prefix: Record<Variant, string> = { light: 'sl', dark: 'sd' };

function palette(theme: ThemeRegistration): Set<string> {
  const colours = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.startsWith('#')) colours.add(value.toLowerCase());
  };
  add(theme.colors?.['editor.foreground']);
  add(theme.colors?.['editor.background']);
  for (const rule of theme.tokenColors ?? []) add(rule.settings?.foreground);
  return colours;
}

const palettes: Record<Variant, Set<string>> = { light: palette(themes.light), dark: palette(themes.dark) };
const FONT_PROPS = ['font-style', 'font-weight', 'text-decoration'] as const;
const FONT_VALUES: Record<(typeof FONT_PROPS)[number], string[]> = {
  'font-style': ['italic', 'normal'],
  'font-weight': ['bold', 'normal'],
  'text-decoration': ['underline', 'line-through', 'none'],
};

/** The class for one `--shiki-*` declaration, or an Error saying what could not be mapped. */
export function classFor(property: string, value: string): string {
  const match = /^--shiki-(light|dark)(-bg|-font-style|-font-weight|-text-decoration)?$/.exec(property);
  if (!match) throw new Error(`Unexpected Shiki style "${property}: ${value}".`);
  const variant = match[1] as Variant;
  const kind = match[2] ?? '';
  const v = value.trim().toLowerCase();
  if (kind === '' || kind === '-bg') {
    if (!palettes[variant].has(v)) throw new Error(`Shiki colour ${value} is not in the ${variant} theme's palette.`);
    return `${prefix[variant]}${kind === '-bg' ? 'b' : ''}-${v.slice(1)}`;
  }
  const prop = kind.slice(1) as (typeof FONT_PROPS)[number];
  if (!FONT_VALUES[prop].includes(v)) throw new Error(`Unexpected Shiki ${prop} "${value}".`);
  return `${prefix[variant]}-${prop}-${v}`;
}

function toClasses(node: Element): void {
  const style = node.properties['style'];
  if (typeof style !== 'string') return;
  delete node.properties['style'];
  const added: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim();
    // Astro's <Code> adds this to <pre>; the site's stylesheet already scrolls code blocks.
    if (property === 'overflow-x') continue;
    added.push(classFor(property, declaration.slice(colon + 1)));
  }
  const raw: unknown = node.properties['className'] ?? node.properties['class'];
  const existing = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : [];
  delete node.properties['class'];
  node.properties['className'] = [...existing, ...added];
}

export const shikiStyleToClasses: ShikiTransformer = {
  name: 'style-to-classes',
  pre: toClasses,
  // `language-<lang>` on <code>, as HTML suggests: a page's Markdown twin keeps the block's
  // language from it (src/lib/page-markdown.ts).
  code(node) {
    toClasses(node);
    this.addClassToHast(node, `language-${this.options.lang}`);
  },
  line: toClasses,
  span: toClasses,
};

/** One rule per palette colour and font property, for both themes. */
export function codeColorsCss(): string {
  const rules: string[] = [];
  for (const variant of ['light', 'dark'] as const) {
    for (const colour of [...palettes[variant]].sort()) {
      rules.push(`.${prefix[variant]}-${colour.slice(1)}{--shiki-${variant}:${colour}}`);
      rules.push(`.${prefix[variant]}b-${colour.slice(1)}{--shiki-${variant}-bg:${colour}}`);
    }
    for (const prop of FONT_PROPS) {
      for (const value of FONT_VALUES[prop]) rules.push(`.${prefix[variant]}-${prop}-${value}{--shiki-${variant}-${prop}:${value}}`);
    }
  }
  return `${rules.join('\n')}\n`;
}
