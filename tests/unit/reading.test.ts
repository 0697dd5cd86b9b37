/**
 * The patterns that find words run together (tests/support/reading.ts) catch the joins readers
 * saw, and leave ordinary text alone. Every page is read with them in tests/e2e/pages.spec.ts.
 */
import { expect, test } from 'vitest';
import { findJoins } from '../support/reading.ts';

test('the join patterns catch the joins readers saw, and not the text around them', () => {
  expect(findJoins('captured1 February 2025')).toHaveLength(1);
  expect(findJoins('titled "…for".The source names no author.The source')).toHaveLength(2);
  expect(findJoins('each briefing.All briefings')).toHaveLength(1);
  expect(findJoins('made visible ·1 February')).toHaveLength(1);
  expect(findJoins('Sources: OpenAI API pricing ; DeepSeek API Docs .')).toHaveLength(2);
  expect(findJoins('OpenAI o1 and DeepSeek R1 cost $60.00 vs $2.19. The gap · 1 February, e.g. in (·) U.S. Node.js; see … . Done.')).toEqual([]);
});
