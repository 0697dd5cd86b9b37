/**
 * Exact token-pricing arithmetic. Pure, dependency-free, tree-shakeable (it is
 * also bundled into the browser calculator).
 *
 * Units — chosen so that every cost is computed by integer multiplication only:
 * - A price is a decimal string of USD per million tokens with at most 6
 *   decimals. `parsePrice` turns it into an integer count of micro-USD per
 *   million tokens: "2.19" -> 2_190_000n.
 * - 1 micro-USD per million tokens = 1e-6 USD / 1e6 tokens = 1e-12 USD per
 *   token, so `price × tokens` is already an exact integer number of pico-USD
 *   (1e-12 USD). All costs here are bigint pico-USD; nothing is divided or
 *   rounded until `formatUsd`. The largest supported cost (10^15 tokens at
 *   $100/M = $10^11 = 10^23 pico-USD) is far past Number's 2^53 but trivial for
 *   bigint.
 */

/** Where the models and their prices live, from the project root. */
export const PRICE_FILE = 'content/prices/models.json';

export type ModelPrice = {
  id: string;
  name: string;
  vendor: string;
  currency: 'USD';
  /** USD per million output tokens, e.g. "2.19". */
  output: string;
  /** USD per million (uncached) input tokens. */
  input: string;
  /** USD per million cached input tokens; falls back to `input` when absent. */
  cachedInput?: string;
};

/** Token counts; cached input tokens are in addition to (not part of) `inputTokens`. */
export type Workload = {
  inputTokens: number | bigint;
  cachedInputTokens?: number | bigint;
  outputTokens: number | bigint;
};

export type Comparison = {
  /** Cost of the workload on each model, in pico-USD. */
  expensiveCost: bigint;
  cheapCost: bigint;
  /** expensiveCost - cheapCost, pico-USD (negative if the arguments are swapped). */
  difference: bigint;
  /** expensive / cheap; null when the cheap side costs nothing (never NaN/Infinity). */
  ratio: number | null;
  /** Fraction saved, 1 - cheap / expensive; null when the expensive side costs nothing. */
  saving: number | null;
};

export type ClaimCheck = { ok: boolean; reason: string };

export type TokenInput = { ok: true; value: bigint } | { ok: false; message: string };

/** pico-USD per USD. */
export const PICO_PER_USD = 1_000_000_000_000n;
/** Largest accepted token count, 10^15. */
export const MAX_TOKENS = 1_000_000_000_000_000n;

/**
 * Parses a price ("60", "60.00", "0.14") into micro-USD per million tokens.
 * Throws on empty text, negatives, exponents, non-numbers and > 6 decimals.
 */
export function parsePrice(text: string, label = 'price'): bigint {
  const bad = (why: string): Error => new Error(`Invalid ${label} "${String(text)}": ${why}.`);
  if (typeof text !== 'string') throw bad('not a string');
  const t = text.trim();
  if (t === '') throw bad('it is empty');
  if (/^[-\u2212]/.test(t)) throw bad('negative prices are not allowed');
  if (/^[\d.]+e/i.test(t)) throw bad('exponent notation is not supported, write a plain decimal');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) throw bad('not a decimal number (expected something like "2.19")');
  const frac = m[2] ?? '';
  if (frac.length > 6) throw bad('more than 6 decimal places');
  return BigInt((m[1] ?? '') + frac.padEnd(6, '0'));
}

function tokenCount(value: number | bigint, field: string): bigint {
  const bad = (why: string): Error => new Error(`${field} ${why}, got ${String(value)}.`);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw bad('must be a number');
    if (!Number.isInteger(value)) throw bad('must be a whole number of tokens');
  } else if (typeof value !== 'bigint') {
    throw bad('must be a number or bigint');
  }
  const n = BigInt(value);
  if (n < 0n) throw bad('must not be negative');
  if (n > MAX_TOKENS) throw bad('must be at most 10^15 tokens');
  return n;
}

/** Exact cost of a workload on a model, in pico-USD. Throws on bad prices or token counts. */
export function costOfWorkload(model: ModelPrice, workload: Workload): bigint {
  if (model.currency !== 'USD') {
    throw new Error(`Model "${model.id}" is priced in ${String(model.currency)}, not USD.`);
  }
  const price = (text: string, kind: string): bigint => parsePrice(text, `${kind} price of "${model.id}"`);
  const input = price(model.input, 'input');
  const cached = model.cachedInput === undefined ? input : price(model.cachedInput, 'cached input');
  return (
    tokenCount(workload.inputTokens, 'inputTokens') * input +
    tokenCount(workload.cachedInputTokens ?? 0, 'cachedInputTokens') * cached +
    tokenCount(workload.outputTokens, 'outputTokens') * price(model.output, 'output')
  );
}

/** Default comparison basis: one million output tokens (i.e. the listed output prices). */
export const ONE_MILLION_OUTPUT: Workload = { inputTokens: 0, outputTokens: 1_000_000 };

/** Compares two models on a workload (default: 1M output tokens). */
export function compareModels(
  expensive: ModelPrice,
  cheap: ModelPrice,
  workload: Workload = ONE_MILLION_OUTPUT,
): Comparison {
  const e = costOfWorkload(expensive, workload);
  const c = costOfWorkload(cheap, workload);
  return {
    expensiveCost: e,
    cheapCost: c,
    difference: e - c,
    ratio: c === 0n ? null : Number(e) / Number(c),
    saving: e === 0n ? null : Number(e - c) / Number(e),
  };
}

/** Rounds `abs` pico-USD half-up to `decimals` (<= 12) places: [whole dollars, fraction digits]. */
function toDecimal(abs: bigint, decimals: number): [bigint, string] {
  const unit = 10n ** BigInt(12 - decimals);
  const q = (abs + unit / 2n) / unit;
  const scale = 10n ** BigInt(decimals);
  return [q / scale, (q % scale).toString().padStart(decimals, '0')];
}

/**
 * Formats pico-USD exactly: "$2,190.00", "$6.57". Amounts of a cent or more
 * are rounded half-up to cents; smaller non-zero amounts keep two significant
 * digits ("$0.0000022", "$0.000002") so they never show as "$0.00".
 */
export function formatUsd(amount: bigint): string {
  const abs = amount < 0n ? -amount : amount;
  const subCent = abs > 0n && abs < PICO_PER_USD / 100n;
  const decimals = subCent ? Math.min(12, 14 - abs.toString().length) : 2;
  const [whole, rawFrac] = toDecimal(abs, decimals);
  const frac = subCent ? rawFrac.replace(/0+$/, '').padEnd(2, '0') : rawFrac;
  const grouped = new Intl.NumberFormat('en-US').format(whole);
  return `${amount < 0n ? '-' : ''}$${grouped}.${frac}`;
}

/** "27.4x" (one decimal); `undefinedText` ("—" by default) for null/NaN/Infinity. */
export function formatRatio(ratio: number | null, undefinedText = '\u2014'): string {
  if (ratio === null || !Number.isFinite(ratio)) return undefinedText;
  const nf = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${nf.format(ratio)}x`;
}

/** 0.9635 -> "96.35%" (two decimals); `undefinedText` for null/NaN/Infinity. */
export function formatPercent(fraction: number | null, undefinedText = '\u2014'): string {
  if (fraction === null || !Number.isFinite(fraction)) return undefinedText;
  const nf = new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return nf.format(fraction);
}

/** Rounds to `digits` significant figures, ties away from zero (25 -> 30 at 1 digit). */
export function roundToSignificant(x: number, digits = 1): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/**
 * Checks a rounded claim such as "nearly 30x": it holds iff the ratio rounded
 * to one significant figure equals the claim AND the ratio is below the claim.
 */
export function checkRoundedClaim(claimed: number, ratio: number | null): ClaimCheck {
  if (!(claimed > 0) || !Number.isFinite(claimed) || roundToSignificant(claimed, 1) !== claimed) {
    return { ok: false, reason: `The claim ${claimed}x is not a positive one-significant-figure number.` };
  }
  if (ratio === null || !Number.isFinite(ratio)) {
    return { ok: false, reason: 'The ratio is undefined (the cheaper side is free), so the claim cannot hold.' };
  }
  const shown = `${Number(ratio.toPrecision(4))}x`;
  const rounded = roundToSignificant(ratio, 1);
  if (rounded !== claimed) {
    return { ok: false, reason: `The ratio ${shown} rounds to ${rounded}x, not ${claimed}x.` };
  }
  if (ratio >= claimed) {
    return { ok: false, reason: `The ratio ${shown} is not below ${claimed}x, so "nearly ${claimed}x" is wrong.` };
  }
  return { ok: true, reason: `The ratio ${shown} rounds to ${claimed}x and is below it.` };
}

/**
 * Parses calculator input into a token count. Accepts plain digits ("2500"),
 * comma-grouped thousands ("1,000,000"), surrounding spaces, and decimal or
 * e-notation whose exact value is whole ("2500.0", "1e6", "1.5e6"). Rejects
 * empty text, negatives, fractions, other text and anything above 10^15.
 */
export function parseTokenInput(text: string): TokenInput {
  const no = (message: string): TokenInput => ({ ok: false, message });
  const t = text.trim();
  if (t === '') return no('Enter a number of tokens.');
  if (/^[-\u2212]/.test(t)) return no('Token counts cannot be negative; enter 0 or more.');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:e\+?(\d{1,4}))?$/i.exec(t);
  if (!m) return no('Enter a whole number of tokens (0 or more).');
  const frac = m[2] ?? '';
  const digits = BigInt((m[1] ?? '').replace(/,/g, '') + frac);
  const shift = Number(m[3] ?? '0') - frac.length;
  const pow = 10n ** BigInt(Math.abs(shift));
  if (shift < 0 && digits % pow !== 0n) return no('Enter a whole number of tokens; fractions are not allowed.');
  const value = shift < 0 ? digits / pow : digits * pow;
  if (value > MAX_TOKENS) return no('That is more than 10^15 tokens; enter a smaller number.');
  return { ok: true, value };
}
