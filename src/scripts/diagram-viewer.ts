/**
 * The diagram at full size in a modal <dialog>, loaded on first use by diagram-viewer-start.ts.
 *
 * The figure's own SVG moves into the dialog while it is open and back when it closes (one copy
 * in the page, and the node links keep working). Panning is the browser's own scrolling of the
 * viewport box: drag with a mouse (added here), swipe, wheel or trackpad, arrow keys. Zoom sets
 * the SVG's size: +/- buttons and keys, Ctrl/Cmd+wheel (a trackpad pinch arrives as that), and
 * a two-finger pinch; "Fit" shows it whole. It opens at natural size, where labels are 16 px.
 */

type Viewer = { dialog: HTMLDialogElement; viewport: HTMLElement; svg: SVGSVGElement; width: number; height: number; scale: number };

const MAX_SCALE = 4;
const viewers = new WeakMap<Element, Viewer>();

function button(label: string, text: string, action: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.dataset['zoom'] = action;
  if (label !== text) b.setAttribute('aria-label', label);
  return b;
}

/** Scale at which the whole diagram fits the viewport. */
function fitScale(v: Viewer): number {
  const style = getComputedStyle(v.viewport);
  const pad = parseFloat(style.paddingLeft) * 2;
  return Math.min((v.viewport.clientWidth - pad) / v.width, (v.viewport.clientHeight - pad) / v.height);
}

/** Resizes the SVG, keeping the diagram point under (x, y) of the viewport where it was. */
function zoomTo(v: Viewer, scale: number, x = v.viewport.clientWidth / 2, y = v.viewport.clientHeight / 2): void {
  const next = Math.min(MAX_SCALE, Math.max(Math.min(fitScale(v), 1), scale));
  const ratio = next / v.scale;
  const { scrollLeft, scrollTop } = v.viewport;
  v.scale = next;
  v.svg.style.width = `${v.width * next}px`;
  v.svg.style.height = `${v.height * next}px`;
  v.viewport.scrollLeft = (scrollLeft + x) * ratio - x;
  v.viewport.scrollTop = (scrollTop + y) * ratio - y;
}

function create(figure: Element, svg: SVGSVGElement, link: HTMLAnchorElement): Viewer {
  const dialog = document.createElement('dialog');
  dialog.className = 'diagram-dialog';
  const bar = document.createElement('div');
  bar.className = 'diagram-dialog-bar';
  const title = document.createElement('p');
  title.className = 'diagram-dialog-title';
  title.id = `${figure.id}-dialog-title`;
  title.textContent = figure.querySelector('figcaption')?.textContent ?? 'Diagram';
  dialog.setAttribute('aria-labelledby', title.id);
  const close = button('Close', 'Close', 'close');
  bar.append(title, button('Zoom out', '−', 'out'), button('Zoom in', '+', 'in'), button('Fit', 'Fit', 'fit'), close);
  const viewport = document.createElement('div');
  viewport.className = 'diagram-dialog-viewport';
  viewport.tabIndex = 0;
  viewport.autofocus = true;
  viewport.setAttribute('role', 'group');
  viewport.setAttribute('aria-label', 'Diagram at full size: arrow keys, drag or swipe to pan; plus and minus to zoom');
  dialog.append(bar, viewport);
  figure.append(dialog);

  const box = svg.viewBox.baseVal;
  const v: Viewer = { dialog, viewport, svg, width: box.width || svg.width.baseVal.value, height: box.height || svg.height.baseVal.value, scale: 1 };
  const home = svg.parentElement!;
  const before = svg.nextSibling;

  bar.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset['zoom'];
    if (action === 'close') dialog.close();
    else if (action === 'fit') zoomTo(v, fitScale(v));
    else if (action) zoomTo(v, v.scale * (action === 'in' ? 1.25 : 0.8));
  });
  dialog.addEventListener('keydown', (event) => {
    const step = { '+': 1.25, '=': 1.25, '-': 0.8, '_': 0.8 }[event.key];
    if (step && !event.ctrlKey && !event.metaKey) zoomTo(v, v.scale * step);
    else if (event.key === '0') zoomTo(v, fitScale(v));
  });
  viewport.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return; // plain wheel and trackpad scroll pan natively
      event.preventDefault();
      const r = viewport.getBoundingClientRect();
      zoomTo(v, v.scale * Math.exp(-event.deltaY * 0.002), event.clientX - r.left, event.clientY - r.top);
    },
    { passive: false },
  );

  // Pinch: two fingers resize around their midpoint (touch-action keeps the page from zooming).
  let pinch: { distance: number; scale: number } | undefined;
  const spread = (t: TouchList) => Math.hypot(t[0]!.clientX - t[1]!.clientX, t[0]!.clientY - t[1]!.clientY);
  viewport.addEventListener('touchstart', (event) => {
    if (event.touches.length === 2) pinch = { distance: spread(event.touches), scale: v.scale };
  });
  viewport.addEventListener(
    'touchmove',
    (event) => {
      if (!pinch || event.touches.length !== 2) return;
      event.preventDefault();
      const r = viewport.getBoundingClientRect();
      const [a, b] = [event.touches[0]!, event.touches[1]!];
      zoomTo(v, (pinch.scale * spread(event.touches)) / pinch.distance, (a.clientX + b.clientX) / 2 - r.left, (a.clientY + b.clientY) / 2 - r.top);
    },
    { passive: false },
  );
  viewport.addEventListener('touchend', (event) => {
    if (event.touches.length < 2) pinch = undefined;
  });

  // Mouse drag pans; a drag that moved is not also a click on a node link.
  let drag: { x: number; y: number; moved: boolean } | undefined;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'mouse' && event.button === 0) drag = { x: event.clientX, y: event.clientY, moved: false };
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag || !(event.buttons & 1)) return;
    const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag = { x: event.clientX, y: event.clientY, moved: true };
    viewport.classList.add('dragging');
    viewport.scrollBy(-dx, -dy);
  });
  const endDrag = () => viewport.classList.remove('dragging');
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', () => {
    endDrag();
    drag = undefined;
  });
  let leaving = false;
  viewport.addEventListener('click', (event) => {
    if (drag?.moved) event.preventDefault();
    else if ((event.target as Element).closest('a')) {
      // A node link leads to its section in the page: close the view and let the link go.
      leaving = true;
      dialog.close();
    }
    drag = undefined;
  });

  dialog.addEventListener('close', () => {
    home.insertBefore(svg, before);
    svg.style.removeProperty('width');
    svg.style.removeProperty('height');
    // Back to the control, unless a node link is taking the reader elsewhere.
    if (!leaving) link.focus();
    leaving = false;
  });
  return v;
}

export function openViewer(link: HTMLAnchorElement): void {
  const figure = link.closest('figure');
  const svg = figure?.querySelector<SVGSVGElement>('.diagram-view svg');
  if (!figure) return;
  const v = viewers.get(figure) ?? (svg ? create(figure, svg, link) : undefined);
  if (!v || v.dialog.open) return;
  viewers.set(figure, v);
  v.viewport.append(v.svg);
  v.scale = 1;
  v.svg.style.width = `${v.width}px`;
  v.svg.style.height = `${v.height}px`;
  v.dialog.showModal();
  // Natural size, the start of the diagram (it reads left to right), vertically centred.
  v.viewport.scrollLeft = 0;
  v.viewport.scrollTop = (v.viewport.scrollHeight - v.viewport.clientHeight) / 2;
}
