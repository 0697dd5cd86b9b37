/**
 * Build-time checks that keep words and price data in step:
 * - every price component in MDX names a model that exists in the price data;
 * - a `<PriceClaim>` passage (the letter's own sentence, verbatim) states the same prices as the
 *   data, and its "nearly 30x" holds for the computed ratio (rounded to one significant figure,
 *   and the ratio below it).
 * A mismatch fails the build at the MDX line, quoting the sentence and both numbers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { checkRoundedClaim, compareModels, costOfWorkload, formatRatio, formatUsd, ONE_MILLION_OUTPUT, parsePrice, PRICE_FILE, type ModelPrice } from '../lib/pricing.ts';


/** MDX components that take model ids, and the attributes that hold them. */
const MODEL_ATTRIBUTES: Record<string, string[]> = {
  Price: ['model'],
  PriceFact: ['expensive', 'cheap'],
  PriceClaim: ['expensive', 'cheap'],
  PriceComparison: ['expensive', 'cheap'],
  TrendPrices: ['expensive', 'cheap'],
};

function attribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxAttribute' && attr.name === name && typeof attr.value === 'string') return attr.value;
  }
  return undefined;
}

/** The sentence of `text` that contains `needle`, for quoting in an error. */
function sentenceWith(text: string, needle: string): string {
  // A full stop followed by a digit is a decimal point ($2.19), not the end of a sentence.
  const sentences = text.match(/(?:[^.!?]|\.(?=\d))+(?:[.!?]+|$)/g) ?? [text];
  return (sentences.find((s) => s.includes(needle)) ?? text).trim();
}

/** Checks one claim passage against two models; returns the problems found. */
export function checkPriceClaim(text: string, expensive: ModelPrice, cheap: ModelPrice): string[] {
  const problems: string[] = [];
  const amounts = [...text.matchAll(/\$(\d+(?:\.\d+)?)(?![\dBMK])/g)].map((m) => m[1]!);
  const pairs: [ModelPrice, string | undefined][] = [
    [expensive, amounts[0]],
    [cheap, amounts[1]],
  ];
  for (const [model, stated] of pairs) {
    if (stated === undefined) {
      problems.push(`The passage should state ${model.name}'s output price, but no second dollar amount was found in: "${text.trim()}"`);
    } else if (parsePrice(stated) !== parsePrice(model.output)) {
      problems.push(
        `The text says "${sentenceWith(text, `$${stated}`)}" ($${stated}), but ${PRICE_FILE} gives ${model.name} ` +
          `${formatUsd(costOfWorkload(model, ONE_MILLION_OUTPUT))} per million output tokens.`,
      );
    }
  }
  const claim = text.match(/nearly\s+(\d+(?:\.\d+)?)x/i);
  if (claim) {
    const { ratio } = compareModels(expensive, cheap);
    const verdict = checkRoundedClaim(Number(claim[1]), ratio);
    if (!verdict.ok) {
      problems.push(
        `The text says "${sentenceWith(text, claim[0])}" (${claim[1]}x), but the data gives a ratio of ` +
          `${formatRatio(ratio)} (${expensive.output} / ${cheap.output}). ${verdict.reason}`,
      );
    }
  }
  return problems;
}

export function readPriceList(root = process.cwd()): Map<string, ModelPrice> {
  const entries = JSON.parse(readFileSync(resolve(root, PRICE_FILE), 'utf8')) as ModelPrice[];
  return new Map(entries.map((entry) => [entry.id, entry]));
}

export function remarkPriceChecks() {
  return (tree: Root, file: VFile) => {
    let prices: Map<string, ModelPrice> | undefined;
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      const names = MODEL_ATTRIBUTES[element.name ?? ''];
      if (!names) return;
      prices ??= readPriceList(file.cwd);
      const models: ModelPrice[] = [];
      for (const name of names) {
        const id = attribute(element, name);
        const model = id === undefined ? undefined : prices.get(id);
        if (!model) {
          file.fail(
            `<${element.name}> ${id === undefined ? `needs a ${name}="…" attribute` : `names the model "${id}", which is not in ${PRICE_FILE}`}. ` +
              `Known models: ${[...prices.keys()].join(', ')}.`,
            element,
            'price-checks:unknown-model',
          );
        }
        models.push(model);
      }
      if (element.name === 'PriceClaim') {
        const problems = checkPriceClaim(toString(element), models[0]!, models[1]!);
        if (problems.length > 0) file.fail(`${problems.join(' ')} Fix ${PRICE_FILE} or the text.`, element, 'price-checks:claim');
      }
    });
  };
}
