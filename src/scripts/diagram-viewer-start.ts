/**
 * First-view part of the diagram viewer: a click on "View full size" loads the viewer
 * (src/scripts/diagram-viewer.ts, built to a fixed address by src/plugins/emit-lazy-scripts.ts) and opens it. Until
 * then, and without JavaScript, the control is a link to the CSS :target full view.
 */
type ViewerModule = typeof import('./diagram-viewer.ts');

// LAZY_SCRIPTS.diagramViewer.file, written out: importing that table would inline all of it here
// (tests/e2e/budgets.spec.ts fetches the viewer from the table's address). A variable, not a
// literal import: Vite would otherwise wrap the import in its preload helper.
const viewer = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}_astro/diagram-viewer.js`;

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-diagram-open]') : null;
  // A modified click (new tab, new window) keeps its meaning.
  if (!link || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  (import(/* @vite-ignore */ viewer) as Promise<ViewerModule>).then(
    ({ openViewer }) => openViewer(link),
    // Viewer unavailable: fall back to the link's own full view.
    () => (location.hash = link.hash),
  );
});
