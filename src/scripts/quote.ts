/**
 * "Copy quote": while words of the briefing are selected, a button next to them copies them as
 * Markdown for chat, with a link to their paragraph that carries a text fragment
 * (src/lib/quote.ts). Loaded on the first selection by src/scripts/quote-start.ts, from its own
 * file (src/plugins/emit-lazy-scripts.ts).
 *
 * Keyboard: after selecting with Shift+arrows, Tab moves to the button (the browser would
 * otherwise go to the next link after the selection, which may be further down the page);
 * Escape drops the selection and the button.
 */
import { quoteMarkdown, textDirective } from '../lib/quote.ts';

const WORD = /[\p{L}\p{N}’'-]/u;

/** The range grown to whole words at both ends: a text fragment only matches whole words. */
function wholeWords(range: Range): Range {
  const grown = range.cloneRange();
  const { startContainer: start, endContainer: end } = grown;
  if (start instanceof Text) {
    let at = grown.startOffset;
    while (at > 0 && WORD.test(start.data[at - 1]!)) at -= 1;
    grown.setStart(start, at);
  }
  if (end instanceof Text) {
    let at = grown.endOffset;
    while (at < end.data.length && WORD.test(end.data[at]!)) at += 1;
    grown.setEnd(end, at);
  }
  return grown;
}

const elementOf = (node: Node) => (node instanceof Element ? node : node.parentElement);

function start(body: HTMLElement): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quote-button';
  button.textContent = 'Copy quote';
  const status = document.querySelector<HTMLElement>('[data-share-status]');
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.replace(/#.*/, '');

  /** The selection, when it lies inside the briefing's text. */
  const current = (): Range | undefined => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer) || !selection.toString().trim()) return undefined;
    return range;
  };

  /** The block the selection ends in, where focus returns when Escape closes the button. */
  let near: Element | null | undefined;

  const place = () => {
    const range = current();
    if (!range) return button.remove();
    const last = elementOf(range.endContainer);
    const block = last?.closest('p, li, td, th, pre, figure, h2, h3') ?? last;
    near = block;
    // In the reading order right after the selected words, so Tab and Shift+Tab from the button
    // continue from there; a list item's button goes after its list (a <ul> holds only items), a
    // heading's after the block that follows it (styles such as `h2 + p` must keep matching).
    const after = block?.matches('h2, h3') ? (block.nextElementSibling ?? block) : (block?.closest('ul, ol, table') ?? block);
    if (!after || !body.contains(after)) return button.remove();
    if (after.nextElementSibling !== button) after.after(button);
    const parent = (button.offsetParent ?? document.body).getBoundingClientRect();
    const rects = range.getClientRects();
    const end = rects[rects.length - 1] ?? range.getBoundingClientRect();
    button.style.top = `${end.bottom - parent.top + 6}px`;
    button.style.left = `${Math.max(0, Math.min(end.right - parent.left - button.offsetWidth / 2, parent.width - button.offsetWidth))}px`;
  };

  const copy = async () => {
    const range = current();
    const selection = getSelection();
    if (!range || !selection) return;
    const words = wholeWords(range);
    selection.removeAllRanges();
    selection.addRange(words);
    const lines = selection.toString().split(/\n+/);
    const block = elementOf(words.startContainer)?.closest<HTMLElement>('p[id], li[id]');
    const headings = [...body.querySelectorAll<HTMLElement>('h2[id], h3[id]')];
    const heading = headings.filter((h) => h.compareDocumentPosition(words.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    const before = block ? document.createRange() : undefined;
    before?.setStart(block!, 0);
    before?.setEnd(words.startContainer, words.startOffset);
    const url = `${canonical}#${block?.id ?? heading?.id ?? ''}:~:${textDirective(lines, document.body.innerText, before?.toString())}`;
    const text = quoteMarkdown({ lines, section: heading?.textContent ?? '', briefing: document.querySelector('h1')?.textContent ?? document.title, url });
    try {
      await navigator.clipboard.writeText(text);
      if (status) {
        status.textContent = 'Quote copied';
        status.classList.add('visible');
        setTimeout(() => status.classList.remove('visible'), 2500);
      }
    } catch {
      if (status) status.textContent = 'Could not copy: the browser refused the clipboard.';
    }
  };

  let frame = 0;
  document.addEventListener('selectionchange', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(place);
  });
  // A press on the button must not clear the selection it is about to copy.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => void copy());
  document.addEventListener('keydown', (event) => {
    if (!button.isConnected) return;
    if (event.key === 'Escape') {
      // Focus stays near the words: on the permalink of the paragraph the button followed.
      const back = document.activeElement === button ? near?.querySelector<HTMLElement>(':scope > .para-link') : undefined;
      getSelection()?.removeAllRanges();
      button.remove();
      back?.focus();
    } else if (event.key === 'Tab' && !event.shiftKey && document.activeElement !== button) {
      event.preventDefault();
      button.focus();
    }
  });
  place();
}

const briefingBody = document.querySelector<HTMLElement>('.briefing-body');
if (briefingBody) start(briefingBody);
