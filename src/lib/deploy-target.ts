/**
 * Where the site is served from: `site` (absolute origin) and `base` (path prefix).
 * GitHub Pages serves a project site at https://<owner>.github.io/<repo>/, so in Actions both
 * are derived from the repository when not given; locally the site lives at the root.
 */
export type DeployTarget = { site: string; base: string };

/** Normalises a base path to '/' or '/segment(/segment)*' with no trailing slash. */
export function normaliseBase(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[\w.~-]+(\/[\w.~-]+)*$/.test(trimmed)) {
    throw new Error(`BASE must be a URL path such as /ai-briefing, got "${raw}".`);
  }
  return `/${trimmed}`;
}

/** Checks SITE is an absolute http(s) origin and drops any trailing slash. */
export function normaliseSite(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE must be an absolute URL such as https://acme.github.io, got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE must start with https:// or http://, got "${raw}".`);
  }
  return url.origin;
}

export function resolveDeployTarget(env: Record<string, string | undefined>): DeployTarget {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  const inActions = env['GITHUB_ACTIONS'] === 'true' && owner && repo;
  const siteRaw = env['SITE'] || (inActions ? `https://${env['GITHUB_REPOSITORY_OWNER'] || owner}.github.io` : '');
  // A repository named <owner>.github.io is a user site, served from the root.
  const isUserSite = inActions && repo?.toLowerCase() === `${owner?.toLowerCase()}.github.io`;
  const baseRaw = env['BASE'] || (inActions && !isUserSite ? `/${repo}` : '/');
  return {
    site: siteRaw ? normaliseSite(siteRaw) : 'http://localhost:4321',
    base: normaliseBase(baseRaw),
  };
}
