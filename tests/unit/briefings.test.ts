import { describe, expect, it } from 'vitest';
import { sortNewestFirst } from '../../src/lib/briefings.ts';

const entry = (id: string, date: string) => ({ id, data: { pubDate: new Date(date) } });

describe('sortNewestFirst', () => {
  it('puts the newest first and breaks ties by id, without mutating its input', () => {
    const input = [entry('b', '2025-01-01'), entry('c', '2025-03-01'), entry('a', '2025-01-01')];
    expect(sortNewestFirst(input).map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(input.map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });
});
