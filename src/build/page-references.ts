/**
 * The references a built page makes (stylesheets, scripts, icons, images, srcsets, SVG links…) and
 * those of a stylesheet, read from the files: what src/build/page-weight.ts counts as a first view.
 * (Link checking is linkinator's job: src/build/crawl.ts.)
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

type Reference = { raw: string; kind: string; sameDocumentOnly?: boolean };

/** `srcset` candidates: "a.png 1x, b.png 2x" → ["a.png", "b.png"] (the HTML parsing rules, without validation). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? '')) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i] ?? '')) i++;
    let url = srcset.slice(start, i);
    if (url === '') break;
    if (url.endsWith(',')) {
      // "a.png,b.png 2x": a URL ending in commas has no descriptors.
      url = url.replace(/,+$/, '');
    } else {
      // Skip descriptors up to the next comma outside parentheses.
      let depth = 0;
      while (i < srcset.length) {
        const c = srcset[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}

function listProperty(element: Element, name: string): string[] {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

/** Every reference a page makes, in document order. */
export function pageReferences(tree: Root): Reference[] {
  const refs: Reference[] = [];
  const add = (raw: string | undefined, kind: string): void => {
    if (raw !== undefined && raw.trim() !== '') refs.push({ raw: raw.trim(), kind });
  };
  visit(tree, 'element', (element: Element) => {
    const tag = element.tagName;
    switch (tag) {
      case 'a':
      case 'area':
        add(stringProperty(element, 'href'), `${tag}[href]`);
        add(stringProperty(element, 'xLinkHref'), `${tag}[xlink:href]`);
        break;
      case 'link': {
        const rel = listProperty(element, 'rel').join(' ') || 'link';
        add(stringProperty(element, 'href'), `link[rel=${rel}]`);
        const imagesrcset = stringProperty(element, 'imageSrcSet');
        if (imagesrcset) for (const url of srcsetUrls(imagesrcset)) add(url, 'link[imagesrcset]');
        break;
      }
      case 'script':
      case 'iframe':
      case 'embed':
      case 'track':
      case 'audio':
      case 'video':
        add(stringProperty(element, 'src'), `${tag}[src]`);
        if (tag === 'video') add(stringProperty(element, 'poster'), 'video[poster]');
        break;
      case 'img':
      case 'source':
        add(stringProperty(element, 'src'), `${tag}[src]`);
        for (const url of srcsetUrls(stringProperty(element, 'srcSet') ?? '')) add(url, `${tag}[srcset]`);
        break;
      case 'object':
        add(stringProperty(element, 'data'), 'object[data]');
        break;
      case 'use':
      case 'image':
        add(stringProperty(element, 'href'), `${tag}[href]`);
        add(stringProperty(element, 'xLinkHref'), `${tag}[xlink:href]`);
        break;
      case 'meta': {
        const key = stringProperty(element, 'property') ?? stringProperty(element, 'name') ?? '';
        if (/^(og:(image|image:url|image:secure_url|url|audio|video)|twitter:image)$/i.test(key)) {
          add(stringProperty(element, 'content'), `meta[${key}]`);
        }
        break;
      }
      default:
        break;
    }
    // SVG paint servers, markers, clip paths, filters: url(#id) in attributes and style="".
    for (const [name, value] of Object.entries(element.properties)) {
      if (typeof value !== 'string' || !value.includes('url(')) continue;
      for (const match of value.matchAll(/url\(\s*['"]?(#[^'")\s]+)['"]?\s*\)/g)) {
        if (match[1]) refs.push({ raw: match[1], kind: `${tag}[${name}] url()`, sameDocumentOnly: true });
      }
    }
  });
  return refs;
}

/** url() and @import targets in a stylesheet (data: URLs and local #fragments are left out). */
export function cssReferences(css: string): string[] {
  const urls: string[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of withoutComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
    const url = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim();
    if (url !== '' && !url.startsWith('data:') && !url.startsWith('#')) urls.push(url);
  }
  return urls;
}
