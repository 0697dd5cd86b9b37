import { describe, it, expect } from 'vitest';
import {
  PICO_PER_USD,
  MAX_TOKENS,
  parsePrice,
  costOfWorkload,
  compareModels,
  formatUsd,
  formatRatio,
  formatPercent,
  roundToSignificant,
  checkRoundedClaim,
  parseTokenInput,
} from '../../src/lib/pricing.ts';
import type { ModelPrice, Workload } from '../../src/lib/pricing.ts';

// All expected values below are worked out by hand; costs are in pico-USD
// (1e-12 USD), prices in micro-USD per million tokens (= pico-USD per token).
const CENT = PICO_PER_USD / 100n; // 10^10 pico-USD
const usd = (dollars: bigint, cents = 0n): bigint => dollars * PICO_PER_USD + cents * CENT;

const o1: ModelPrice = {
  id: 'o1',
  name: 'o1',
  vendor: 'OpenAI',
  currency: 'USD',
  output: '60',
  input: '15',
  cachedInput: '7.50',
};
const r1: ModelPrice = {
  id: 'deepseek-r1',
  name: 'DeepSeek-R1',
  vendor: 'DeepSeek',
  currency: 'USD',
  output: '2.19',
  input: '0.55',
  cachedInput: '0.14',
};
const free: ModelPrice = { id: 'free', name: 'Free', vendor: 'X', currency: 'USD', output: '0', input: '0' };
const noCache: ModelPrice = { id: 'nc', name: 'NC', vendor: 'X', currency: 'USD', output: '60', input: '15' };
const mixed: Workload = { inputTokens: 2_000_000, cachedInputTokens: 1_000_000, outputTokens: 1_000_000 };

describe('parsePrice', () => {
  it('parses decimal strings to micro-USD per million tokens', () => {
    expect(parsePrice('60')).toBe(60_000_000n);
    expect(parsePrice('60.00')).toBe(60_000_000n);
    expect(parsePrice('2.19')).toBe(2_190_000n);
    expect(parsePrice('0.55')).toBe(550_000n);
    expect(parsePrice('0.14')).toBe(140_000n);
    expect(parsePrice('7.50')).toBe(7_500_000n);
    expect(parsePrice('0.000001')).toBe(1n);
    expect(parsePrice('0')).toBe(0n);
    expect(parsePrice(' 2.19 ')).toBe(2_190_000n);
  });

  it.each([
    ['-1', /negative/],
    ['abc', /not a decimal number/],
    ['', /empty/],
    ['   ', /empty/],
    ['1e3', /exponent/],
    ['1E+3', /exponent/],
    ['NaN', /not a decimal number/],
    ['Infinity', /not a decimal number/],
    ['1.0000001', /more than 6 decimal places/],
    ['.5', /not a decimal number/],
    ['1.', /not a decimal number/],
    ['1,000', /not a decimal number/],
  ])('rejects %j with a message quoting the input', (text, why) => {
    expect(() => parsePrice(text)).toThrow(why);
    expect(() => parsePrice(text)).toThrow(`"${text}"`);
  });
});

describe('costOfWorkload', () => {
  it('1e9 output tokens on R1 cost exactly $2,190.00', () => {
    // 2,190,000 micro-USD/M × 1e9 tokens = 2.19e15 pico-USD = $2,190
    const cost = costOfWorkload(r1, { inputTokens: 0, outputTokens: 1_000_000_000 });
    expect(cost).toBe(usd(2190n));
    expect(formatUsd(cost)).toBe('$2,190.00');
  });

  it('3M output tokens on R1 cost exactly $6.57 (not 6.569999…)', () => {
    // 3 × 2.19 = 6.57; 2,190,000 × 3,000,000 = 6.57e12 pico-USD
    const cost = costOfWorkload(r1, { inputTokens: 0, outputTokens: 3_000_000 });
    expect(cost).toBe(usd(6n, 57n));
    expect(formatUsd(cost)).toBe('$6.57');
  });

  it('zero tokens cost $0.00', () => {
    const cost = costOfWorkload(o1, { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 });
    expect(cost).toBe(0n);
    expect(formatUsd(cost)).toBe('$0.00');
  });

  it('prices a mixed workload with cached input', () => {
    // o1: 2 × 15 + 1 × 7.50 + 1 × 60 = 30 + 7.50 + 60 = $97.50
    expect(costOfWorkload(o1, mixed)).toBe(usd(97n, 50n));
    expect(formatUsd(costOfWorkload(o1, mixed))).toBe('$97.50');
    // R1: 2 × 0.55 + 1 × 0.14 + 1 × 2.19 = 1.10 + 0.14 + 2.19 = $3.43
    expect(costOfWorkload(r1, mixed)).toBe(usd(3n, 43n));
    expect(formatUsd(costOfWorkload(r1, mixed))).toBe('$3.43');
  });

  it('uses the input price for cached tokens when no cached price is listed', () => {
    // 1M cached at $15 (input price) = $15
    expect(costOfWorkload(noCache, { inputTokens: 0, cachedInputTokens: 1_000_000, outputTokens: 0 })).toBe(usd(15n));
  });

  it('handles 10^15 tokens exactly', () => {
    // 10^15 output tokens at $2.19/M = 2.19 × 10^9 = $2,190,000,000
    expect(formatUsd(costOfWorkload(r1, { inputTokens: 0, outputTokens: 10 ** 15 }))).toBe('$2,190,000,000.00');
    // 10^15 each of input/cached/output on o1: (15 + 7.5 + 60) × 10^9 = $82,500,000,000
    const all = { inputTokens: MAX_TOKENS, cachedInputTokens: MAX_TOKENS, outputTokens: MAX_TOKENS };
    expect(costOfWorkload(o1, all)).toBe(usd(82_500_000_000n));
    // 10^15 tokens at $100/M = $10^11 = 10^23 pico-USD
    const top: ModelPrice = { ...r1, output: '100' };
    expect(formatUsd(costOfWorkload(top, { inputTokens: 0, outputTokens: MAX_TOKENS }))).toBe('$100,000,000,000.00');
    // (10^15 − 1) tokens at $0.000001/M = 1 pico-USD per token = 999,999,999,999,999 pico-USD
    const tiny: ModelPrice = { ...r1, output: '0.000001' };
    expect(costOfWorkload(tiny, { inputTokens: 0, outputTokens: 10 ** 15 - 1 })).toBe(999_999_999_999_999n);
    // (10^15 − 1) tokens at $99.999999/M = 99,999,999 × (10^15 − 1) pico-USD
    //  = 99,999,999 × 10^15 − 99,999,999, beyond 2^53 but exact as bigint
    const big: ModelPrice = { ...r1, output: '99.999999' };
    expect(costOfWorkload(big, { inputTokens: 0, outputTokens: 10n ** 15n - 1n })).toBe(
      99_999_999n * 10n ** 15n - 99_999_999n,
    );
  });

  it.each([
    [{ inputTokens: 1.5, outputTokens: 0 }, /inputTokens must be a whole number/],
    [{ inputTokens: -1, outputTokens: 0 }, /inputTokens must not be negative/],
    [{ inputTokens: 0, outputTokens: Number.NaN }, /outputTokens must be a number, got NaN/],
    [{ inputTokens: 0, outputTokens: Number.POSITIVE_INFINITY }, /outputTokens must be a whole number/],
    [{ inputTokens: 0, outputTokens: 10 ** 15 + 1 }, /at most 10\^15/],
    [{ inputTokens: 0, outputTokens: 0, cachedInputTokens: 10n ** 15n + 1n }, /cachedInputTokens must be at most 10\^15/],
    [{ inputTokens: -1n, outputTokens: 0 }, /must not be negative/],
  ] satisfies [Workload, RegExp][])('rejects bad token counts %#', (workload, why) => {
    expect(() => costOfWorkload(o1, workload)).toThrow(why);
  });

  it('names the model and field when a price is invalid', () => {
    expect(() => costOfWorkload({ ...r1, output: 'abc' }, mixed)).toThrow(/output price of "deepseek-r1" "abc"/);
  });
});

describe('compareModels', () => {
  it('compares listed output prices by default: $60 vs $2.19', () => {
    const c = compareModels(o1, r1);
    expect(c.expensiveCost).toBe(usd(60n));
    expect(c.cheapCost).toBe(usd(2n, 19n));
    // 60 − 2.19 = $57.81 per million output tokens
    expect(c.difference).toBe(usd(57n, 81n));
    expect(formatUsd(c.difference)).toBe('$57.81');
    // 60 / 2.19 = 6000 / 219 = 2000 / 73 = 27.3972…
    expect(c.ratio).toBeCloseTo(2000 / 73, 12);
    expect(formatRatio(c.ratio)).toBe('27.4x');
    // 1 − 2.19 / 60 = 57.81 / 60 = 0.9635
    expect(c.saving).toBeCloseTo(0.9635, 12);
    expect(formatPercent(c.saving)).toBe('96.35%');
  });

  it('compares a mixed workload', () => {
    const c = compareModels(o1, r1, mixed);
    // $97.50 − $3.43 = $94.07
    expect(formatUsd(c.difference)).toBe('$94.07');
    // 97.50 / 3.43 = 9750 / 343 = 28.4256…
    expect(c.ratio).toBeCloseTo(9750 / 343, 12);
    expect(formatRatio(c.ratio)).toBe('28.4x');
    // 94.07 / 97.50 = 0.964820…
    expect(formatPercent(c.saving)).toBe('96.48%');
  });

  it('never divides by zero when the cheap side is free', () => {
    const c = compareModels(o1, free);
    expect(c.ratio).toBeNull();
    expect(c.saving).toBe(1);
    expect(c.difference).toBe(usd(60n));
    expect(formatRatio(c.ratio)).toBe('\u2014');
    expect(formatRatio(c.ratio, 'free')).toBe('free');
    expect(formatPercent(c.saving)).toBe('100.00%');
  });

  it('returns nulls, not NaN, when both sides are free', () => {
    const c = compareModels(free, free);
    expect(c).toEqual({ expensiveCost: 0n, cheapCost: 0n, difference: 0n, ratio: null, saving: null });
    expect(formatRatio(c.ratio)).toBe('\u2014');
    expect(formatPercent(c.saving)).toBe('\u2014');
  });

  it('returns nulls for a zero-token workload', () => {
    const c = compareModels(o1, r1, { inputTokens: 0, outputTokens: 0 });
    expect(c.ratio).toBeNull();
    expect(c.saving).toBeNull();
  });
});

describe('formatUsd', () => {
  it.each([
    [0n, '$0.00'],
    [usd(6n, 57n), '$6.57'],
    [usd(2190n), '$2,190.00'],
    [-usd(57n, 81n), '-$57.81'],
    // $1,234.565 rounds half-up to $1,234.57
    [1_234_565_000_000_000n, '$1,234.57'],
    // $1,234.564999999999 rounds down
    [1_234_564_999_999_999n, '$1,234.56'],
    // exactly one cent
    [CENT, '$0.01'],
    // $0.00999 → two significant digits → 0.010 → "$0.01"
    [9_990_000_000n, '$0.01'],
    // half a cent: $0.005
    [5_000_000_000n, '$0.005'],
    // $0.000002
    [2_000_000n, '$0.000002'],
    // one token at $2.19/M = $0.00000219 → two significant digits → $0.0000022
    [2_190_000n, '$0.0000022'],
    // smallest unit: 1 pico-USD
    [1n, '$0.000000000001'],
    // $123,456,789,012.345678901234 (1.2e23 pico-USD, far beyond 2^53) → cents
    [123_456_789_012_345_678_901_234n, '$123,456,789,012.35'],
  ])('formats %s pico-USD as %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });

  it('never shows a non-zero amount as $0.00', () => {
    for (let a = 1n; a < CENT; a *= 3n) expect(formatUsd(a)).not.toBe('$0.00');
  });
});

describe('formatRatio / formatPercent', () => {
  it('formats ratios with one decimal and an x', () => {
    expect(formatRatio(2000 / 73)).toBe('27.4x');
    expect(formatRatio(1234.56)).toBe('1,234.6x');
    expect(formatRatio(1)).toBe('1.0x');
  });

  it('formats percentages with two decimals', () => {
    expect(formatPercent(0.9635)).toBe('96.35%');
    expect(formatPercent(0)).toBe('0.00%');
  });

  it('never prints NaN or Infinity', () => {
    for (const v of [null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(formatRatio(v)).toBe('\u2014');
      expect(formatPercent(v)).toBe('\u2014');
    }
  });
});

describe('roundToSignificant', () => {
  it.each([
    [27.397, 1, 30],
    [25, 1, 30], // tie rounds away from zero
    [24.99, 1, 20],
    [14, 1, 10],
    [31, 1, 30],
    [0.0456, 1, 0.05],
    [27.397, 2, 27],
    [0, 1, 0],
  ])('rounds %s to %s significant figure(s) as %s', (x, d, want) => {
    expect(roundToSignificant(x, d)).toBe(want);
  });
});

describe('checkRoundedClaim ("nearly 30x")', () => {
  it('holds for 27.397 (rounds to 30, below 30)', () => {
    const r = checkRoundedClaim(30, 27.397);
    expect(r.ok).toBe(true);
    expect(r.reason).toMatch(/30x/);
  });

  it('holds for the exact o1/R1 output-price ratio 2000/73', () => {
    expect(checkRoundedClaim(30, compareModels(o1, r1).ratio).ok).toBe(true);
  });

  it('holds at the lower boundary 25 (25 rounds to 30)', () => {
    expect(checkRoundedClaim(30, 25).ok).toBe(true);
  });

  it('fails for 31 (rounds to 30 but is not below 30)', () => {
    const r = checkRoundedClaim(30, 31);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/not below 30x/);
  });

  it('fails for exactly 30 (not below)', () => {
    expect(checkRoundedClaim(30, 30).ok).toBe(false);
  });

  it('fails for 14 (rounds to 10)', () => {
    const r = checkRoundedClaim(30, 14);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/rounds to 10x, not 30x/);
  });

  it('fails for 24.99 (rounds to 20)', () => {
    expect(checkRoundedClaim(30, 24.99).ok).toBe(false);
  });

  it('fails when the ratio is undefined', () => {
    const r = checkRoundedClaim(30, null);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/undefined/);
  });

  it('fails when the claim is not a one-significant-figure number', () => {
    expect(checkRoundedClaim(27, 26.9).ok).toBe(false);
    expect(checkRoundedClaim(0, 0.01).ok).toBe(false);
    expect(checkRoundedClaim(Number.NaN, 27).ok).toBe(false);
  });
});

describe('parseTokenInput', () => {
  it.each([
    ['1000000', 1_000_000n],
    ['1,000,000', 1_000_000n],
    [' 2500 ', 2500n],
    ['0', 0n],
    ['1e6', 1_000_000n],
    ['1E6', 1_000_000n],
    ['1.5e6', 1_500_000n],
    ['2500.0', 2500n],
    ['1000000000000000', 10n ** 15n],
    ['1,000,000,000,000,000', 10n ** 15n],
    ['1e15', 10n ** 15n],
  ])('accepts %j as %s', (text, value) => {
    expect(parseTokenInput(text)).toEqual({ ok: true, value });
  });

  const WHOLE = 'Enter a whole number of tokens (0 or more).';
  const FRACTION = 'Enter a whole number of tokens; fractions are not allowed.';
  const NEGATIVE = 'Token counts cannot be negative; enter 0 or more.';
  const TOO_BIG = 'That is more than 10^15 tokens; enter a smaller number.';
  it.each([
    ['', 'Enter a number of tokens.'],
    ['   ', 'Enter a number of tokens.'],
    ['-5', NEGATIVE],
    ['-1,000', NEGATIVE],
    ['abc', WHOLE],
    ['12abc', WHOLE],
    ['1,00,000', WHOLE],
    ['1_000', WHOLE],
    ['NaN', WHOLE],
    ['Infinity', WHOLE],
    ['1e-3', WHOLE],
    ['2.5', FRACTION],
    ['1.2345e2', FRACTION],
    ['1000000000000001', TOO_BIG],
    ['1e16', TOO_BIG],
    ['1e9999', TOO_BIG],
  ])('rejects %j', (text, message) => {
    expect(parseTokenInput(text)).toEqual({ ok: false, message });
  });
});
