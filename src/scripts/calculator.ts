/**
 * The live price calculator: reads the models from `data-models`, recomputes on every input
 * with the same exact pricing module the build uses, and explains bad input next to the field.
 */
import { compareModels, costOfWorkload, formatUsd, parseTokenInput, type ModelPrice } from '../lib/pricing.ts';

const SHARE_ERROR = 'Enter a whole percentage from 0 to 100.';

function parseShare(text: string): bigint | string {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > 100) return SHARE_ERROR;
  return BigInt(trimmed);
}

function mount(root: HTMLElement) {
  const form = root.querySelector('fieldset');
  const models = JSON.parse(root.dataset['models'] ?? '[]') as ModelPrice[];
  if (!form || models.length < 2) return;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const show = (input: HTMLInputElement, message: string) => {
    input.setAttribute('aria-invalid', String(message !== ''));
    const error = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    if (error) error.textContent = message;
  };
  const cells = models.map((m) => root.querySelector<HTMLElement>(`[data-cost="${m.id}"]`));
  const difference = root.querySelector<HTMLElement>('[data-difference]');

  const update = () => {
    const input = parseTokenInput(field('input').value);
    const output = parseTokenInput(field('output').value);
    const share = parseShare(field('cache').value);
    show(field('input'), input.ok ? '' : input.message);
    show(field('output'), output.ok ? '' : output.message);
    show(field('cache'), typeof share === 'string' ? share : '');
    if (!input.ok || !output.ok || typeof share === 'string') {
      for (const cell of [...cells, difference]) if (cell) cell.textContent = '—';
      return;
    }
    const cached = (input.value * share) / 100n;
    const workload = { inputTokens: input.value - cached, cachedInputTokens: cached, outputTokens: output.value };
    models.forEach((m, i) => {
      const cell = cells[i];
      if (cell) cell.textContent = formatUsd(costOfWorkload(m, workload));
    });
    if (difference) difference.textContent = formatUsd(compareModels(models[0]!, models[1]!, workload).difference);
  };

  form.hidden = false;
  form.addEventListener('input', update);
  update();
}

export function mountCalculators() {
  document.querySelectorAll<HTMLElement>('[data-calculator]').forEach(mount);
}
