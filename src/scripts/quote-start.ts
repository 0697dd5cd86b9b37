/**
 * First-view part of "Copy quote": waits for the first selection inside the briefing, then loads
 * the control (src/scripts/quote.ts, built to the address in `data-quote-script`), so a reader
 * who never selects pays for a listener only.
 */
const body = document.querySelector<HTMLElement>('.briefing-body');
const script = document.querySelector<HTMLElement>('[data-quote-script]')?.dataset['quoteScript'];
if (body && script) {
  const load = () => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !body.contains(selection.anchorNode)) return;
    document.removeEventListener('selectionchange', load);
    void import(/* @vite-ignore */ script);
  };
  document.addEventListener('selectionchange', load);
}
