/**
 * First-view part of search: shows the Search button and, on its first click or "/", loads the
 * search code (src/scripts/search.ts, built to the address in `data-script`) and opens the
 * dialog. A reader who never searches pays for these listeners only.
 */
type SearchModule = typeof import('./search.ts');

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

for (const root of document.querySelectorAll<HTMLElement>('[data-search]')) {
  const button = root.querySelector<HTMLButtonElement>('[data-search-open]');
  const dialog = root.querySelector('dialog');
  if (!button || !dialog || typeof dialog.showModal !== 'function') continue;
  let opener: Promise<(() => void) | undefined> | undefined;
  const open = () => {
    opener ??= (import(/* @vite-ignore */ root.dataset['script']!) as Promise<SearchModule>).then((m) => m.mountSearch(root));
    void opener.then((openDialog) => openDialog?.());
  };
  button.hidden = false;
  button.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (dialog.open || isEditable(event.target)) return;
    event.preventDefault();
    open();
  });
}
