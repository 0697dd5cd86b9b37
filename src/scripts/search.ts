/**
 * Site search in a modal dialog, backed by the Pagefind index that the build writes to
 * <outDir>/pagefind/. The Pagefind bundle (and its index) is fetched only when the reader first
 * opens the dialog, from the base-aware URL the component renders into `data-pagefind`. A result
 * links to the paragraph where the words were found (src/lib/search-target.ts).
 *
 * This module itself loads on demand too (src/scripts/search-start.ts, on the first click of
 * Search or "/"), built to a fixed address by src/plugins/emit-lazy-scripts.ts.
 */

import type { ResultData } from '../lib/search-target.ts';

type PagefindResult = { data: () => Promise<ResultData & { meta: { title?: string } }> };
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string) => Promise<{ results: PagefindResult[] } | null>;
};

const MAX_RESULTS = 8;
const DEBOUNCE_MS = 150;

/**
 * Pagefind excerpts are plain text in which only `<` and `>` are escaped and matches are
 * wrapped in <mark>. Builds text nodes and <mark> elements from that, never parsing HTML.
 */
function excerptNodes(excerpt: string): Node[] {
  return excerpt.split(/(<\/?mark>)/).reduce<{ nodes: Node[]; marked: boolean }>(
    (state, part) => {
      if (part === '<mark>' || part === '</mark>') return { ...state, marked: part === '<mark>' };
      if (part === '') return state;
      const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      if (state.marked) {
        const mark = document.createElement('mark');
        mark.append(text);
        state.nodes.push(mark);
      } else state.nodes.push(text);
      return state;
    },
    { nodes: [], marked: false },
  ).nodes;
}

/** Wires one search root; returns the function that opens its dialog (undefined if it cannot). */
export function mountSearch(root: HTMLElement): (() => void) | undefined {
  const button = root.querySelector<HTMLButtonElement>('[data-search-open]');
  const dialog = root.querySelector<HTMLDialogElement>('dialog');
  const input = dialog?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = dialog?.querySelector<HTMLElement>('[data-search-status]');
  const list = dialog?.querySelector<HTMLUListElement>('[data-search-results]');
  if (!button || !dialog || !input || !status || !list || typeof dialog.showModal !== 'function') return undefined;

  let pagefind: Promise<Pagefind> | undefined;
  // Loaded with Pagefind, from its own file: no result is shown before both are there.
  let targets: Promise<typeof import('./search-target.ts')> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let query = 0;

  const load = () => {
    targets ??= import(/* @vite-ignore */ root.dataset['target']!);
    return (pagefind ??= (import(/* @vite-ignore */ root.dataset['pagefind']!) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ baseUrl: root.dataset['base'] ?? '/', excerptLength: 24 });
      pf.init().catch(() => {});
      return pf;
    }));
  };

  const show = (message: string, links: HTMLAnchorElement[] = []) => {
    status.textContent = message;
    list.replaceChildren(
      ...links.map((link) => {
        const item = document.createElement('li');
        item.append(link);
        return item;
      }),
    );
  };

  const run = async () => {
    const term = input.value.trim();
    const current = ++query;
    if (term === '') return show('');
    try {
      const found = await (await load()).search(term);
      if (!found || current !== query) return;
      const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      const { resultTarget } = await targets!;
      if (current !== query) return;
      const links = data.map((page) => {
        // To the paragraph of the section where the words are, with the words marked on arrival.
        const target = resultTarget(page);
        const link = document.createElement('a');
        link.href = target.url;
        const title = document.createElement('span');
        title.className = 'search-result-title';
        title.textContent = page.meta.title || page.url;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-result-excerpt';
        excerpt.append(...excerptNodes(target.excerpt));
        link.append(title);
        if (target.section) {
          const section = document.createElement('span');
          section.className = 'search-result-section';
          section.textContent = target.section;
          link.append(section);
        }
        link.append(excerpt);
        return link;
      });
      const total = found.results.length;
      const count = `${total} result${total === 1 ? '' : 's'} for “${term}”`;
      show(total === 0 ? 'No results' : total > MAX_RESULTS ? `${count}, showing the first ${MAX_RESULTS}` : count, links);
    } catch {
      pagefind = targets = undefined;
      if (current === query) show('Search is unavailable right now. Please try again later.');
    }
  };

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    void load().catch(() => {});
  };

  const links = () => [...list.querySelectorAll('a')];

  dialog.addEventListener('close', () => button.focus());
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the <dialog> itself; its content sits in an inner box.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    clearTimeout(timer);
    // Enter in the field: the results for exactly this text, then the first of them.
    void run().then(() => links()[0]?.click());
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // Closes at once, even from a filled search field (whose own Escape would only clear it).
      event.preventDefault();
      return dialog.close();
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.target !== input && at === -1) return;
    const next = event.key === 'ArrowDown' ? (at === -1 ? all[0] : all[at + 1]) : at <= 0 ? input : all[at - 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
  return open;
}
