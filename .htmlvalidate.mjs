/**
 * html-validate over every built page (tests/e2e/html-valid.spec.ts): the recommended rules,
 * with these turned off, each for a reason.
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // The files are build output, not hand-written source: the indentation Astro leaves on empty
    // lines (compressHTML is off so that no space between words is lost) is invisible to readers.
    'no-trailing-whitespace': 'off',
    // A section's share page is titled "<section> — <briefing> · <site>" so a tab, a bookmark or a
    // history entry says what it is and where it is from; 70 characters is a search-snippet
    // heuristic, not a rule of HTML. Link-preview cards use og:title, which has no site name.
    'long-title': 'off',
  },
};
