/**
 * Where a search result lands, as a browser entry loaded when the search dialog first opens
 * (src/lib/lazy-scripts.ts); the logic is pure, in src/lib/search-target.ts.
 */
export { resultTarget } from '../lib/search-target.ts';
