import { describe, expect, it } from 'vitest';
import { normaliseBase, resolveDeployTarget } from '../../src/lib/deploy-target.ts';
import { joinBase } from '../../src/lib/urls.ts';

describe('resolveDeployTarget', () => {
  it('defaults to localhost at the root', () => {
    expect(resolveDeployTarget({})).toEqual({ site: 'http://localhost:4321', base: '/' });
  });

  it('takes SITE and BASE from the environment, normalised', () => {
    expect(resolveDeployTarget({ SITE: 'https://acme.github.io/', BASE: 'ai-briefing/' })).toEqual({
      site: 'https://acme.github.io',
      base: '/ai-briefing',
    });
  });

  it('derives a project site from the repository in GitHub Actions', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/ai-briefing', GITHUB_REPOSITORY_OWNER: 'acme' };
    expect(resolveDeployTarget(env)).toEqual({ site: 'https://acme.github.io', base: '/ai-briefing' });
  });

  it('treats empty variables (unset repository variables in Actions) as unset', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/ai-briefing', SITE: '', BASE: '' };
    expect(resolveDeployTarget(env)).toEqual({ site: 'https://acme.github.io', base: '/ai-briefing' });
  });

  it('serves a <owner>.github.io repository from the root', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/acme.github.io' };
    expect(resolveDeployTarget(env).base).toBe('/');
  });

  it('lets explicit values win over the repository', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/ai-briefing', SITE: 'https://briefing.example.org', BASE: '/' };
    expect(resolveDeployTarget(env)).toEqual({ site: 'https://briefing.example.org', base: '/' });
  });

  it('rejects values that cannot be a site or a base, saying which', () => {
    expect(() => resolveDeployTarget({ SITE: 'acme.github.io' })).toThrow(/SITE must be an absolute URL/);
    expect(() => resolveDeployTarget({ SITE: 'ftp://acme.org' })).toThrow(/SITE must start with https/);
    expect(() => normaliseBase('/a b')).toThrow(/BASE must be a URL path/);
  });
});

describe('joinBase', () => {
  it('prefixes site paths with the base, whatever its slashes', () => {
    expect(joinBase('/', '/briefings/x/')).toBe('/briefings/x/');
    expect(joinBase('/ai-briefing', '/briefings/x/')).toBe('/ai-briefing/briefings/x/');
    expect(joinBase('/ai-briefing/', 'favicon.svg')).toBe('/ai-briefing/favicon.svg');
    expect(joinBase('/ai-briefing/', '/')).toBe('/ai-briefing/');
  });
});
