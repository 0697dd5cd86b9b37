/** Link-preview (Open Graph / Twitter) details shared by every page. */
export const OG_IMAGE = { width: 1200, height: 630 } as const;

/** Where a page's card image is built: '/' → '/og/home.png', '/briefings/x/y/' → '/og/briefings/x/y.png'. */
export function ogImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `/og/${trimmed === '' ? 'home' : trimmed}.png`;
}
