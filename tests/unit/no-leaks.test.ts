/** envChanges (tests/support/no-leaks.ts), the check that each test file puts the environment back. */
import { describe, expect, it } from 'vitest';
import { envChanges } from '../support/no-leaks.ts';

describe('envChanges', () => {
  it('names a variable set, one changed and one removed, in name order', () => {
    const before = { HOME: '/root', CHROMIUM_PATH: '/usr/bin/chromium', LANG: 'C' };
    const after = { HOME: '/root', CHROMIUM_PATH: '/nonexistent', SITE: 'https://x.test' };
    expect(envChanges(before, after)).toEqual([
      'CHROMIUM_PATH: "/usr/bin/chromium" → "/nonexistent"',
      'LANG: "C" → undefined',
      'SITE: undefined → "https://x.test"',
    ]);
  });

  it('finds nothing when every variable is as it was', () => {
    expect(envChanges({ A: '1', B: '' }, { B: '', A: '1' })).toEqual([]);
  });

  it('tells an empty value from an absent one', () => {
    expect(envChanges({ A: '' }, {})).toEqual(['A: "" → undefined']);
  });
});
