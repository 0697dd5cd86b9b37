/**
 * The quote for chat (src/lib/quote.ts): its Markdown, and the text fragment that makes a
 * browser land on the quoted words. Expected values are written out from the Text Fragments
 * spec's rules (https://wicg.github.io/scroll-to-text-fragment/), not copied from output.
 */
import { describe, expect, it } from 'vitest';
import { quoteMarkdown, textDirective } from '../../src/lib/quote.ts';
import { encodeTextTerm } from '../../src/lib/text-fragment.ts';

describe('encodeTextTerm', () => {
  it('percent-encodes the characters a directive reserves: & , - and spaces', () => {
    expect(encodeTextTerm('a-b, c&d')).toBe('a%2Db%2C%20c%26d');
  });

  it('encodes non-ASCII as UTF-8', () => {
    expect(encodeTextTerm('isn’t')).toBe('isn%E2%80%99t');
  });
});

describe('textDirective', () => {
  const page = 'Header. The chip embargo drove it. Later, the chip embargo again. Driven in part by the U.S. AI chip embargo, the team innovated.';

  it('quotes a few words whole', () => {
    expect(textDirective(['the team innovated'], page)).toBe('text=the%20team%20innovated');
  });

  it('gives a long quote as start,end of three words each', () => {
    expect(textDirective(['Driven in part by the U.S. AI chip embargo, the team innovated.'], page)).toBe(
      'text=Driven%20in%20part,the%20team%20innovated.',
    );
  });

  it('lengthens a start that occurs earlier on the page, case-insensitively', () => {
    // "the U.S. AI" opens a sentence earlier on the page too; "the U.S. AI chip embargo," does not.
    const directive = textDirective(['The U.S. AI chip embargo, the team innovated.'], 'the u.s. ai here. The U.S. AI chip embargo, the team innovated.');
    expect(directive).toBe('text=The%20U.S.%20AI%20chip,the%20team%20innovated.');
  });

  it('lengthens an end that occurs earlier inside the quote', () => {
    const directive = textDirective(['alpha beta gamma one two three delta one two three'], 'alpha beta gamma one two three delta one two three');
    expect(directive).toBe('text=alpha%20beta%20gamma,delta%20one%20two%20three');
  });

  it('takes a prefix from the words before when a short quote occurs more than once', () => {
    expect(textDirective(['chip embargo'], page, 'Driven in part by the U.S. AI ')).toBe('text=AI-,chip%20embargo');
    // "AI chip embargo" is there twice as well: the prefix grows.
    expect(textDirective(['chip embargo'], `${page} Also AI chip embargo.`, 'Driven in part by the U.S. AI ')).toBe('text=U.S.%20AI-,chip%20embargo');
  });

  it('keeps each term within one paragraph for a quote across paragraphs', () => {
    expect(textDirective(['end of the first one', 'Second paragraph starts here'], 'x end of the first one\nSecond paragraph starts here')).toBe(
      'text=end%20of%20the,paragraph%20starts%20here',
    );
  });

  it('refuses an empty quote', () => {
    expect(() => textDirective([' ', ''], page)).toThrow('Nothing to quote.');
  });
});

describe('quoteMarkdown', () => {
  it('is the words as a > line, then the section, the briefing and the URL', () => {
    expect(
      quoteMarkdown({ lines: ['  the chip\n embargo '], section: 'The full letter', briefing: 'A briefing', url: 'https://x.test/b/#p-1:~:text=a' }),
    ).toBe('> the chip embargo\n— The full letter, in “A briefing”: https://x.test/b/#p-1:~:text=a');
  });

  it('quotes each paragraph on its own line, with an empty quoted line between', () => {
    expect(quoteMarkdown({ lines: ['One.', '', 'Two.'], section: 'S', briefing: 'B', url: 'u' })).toBe('> One.\n>\n> Two.\n— S, in “B”: u');
  });
});
