import { describe, expect, test } from 'vitest';
import { enginePackages, installPlan } from '../engines/install.ts';

describe('test:engines on a machine without the engines', () => {
  test('does nothing when every engine is there', () => {
    expect(installPlan({ missing: [], root: false, aptGet: false })).toEqual({ do: 'nothing' });
  });

  test('installs the Debian packages with apt-get as root', () => {
    expect(installPlan({ missing: ['/usr/bin/firefox-esr'], root: true, aptGet: true })).toEqual({ do: 'apt-get', packages: ['firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth'] });
  });

  test('otherwise stops with one line naming what is missing and what to install', () => {
    for (const machine of [{ root: false, aptGet: true }, { root: true, aptGet: false }]) {
      const plan = installPlan({ missing: ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb'], ...machine });
      expect(plan.do).toBe('stop');
      const message = plan.do === 'stop' ? plan.message : '';
      expect(message).not.toContain('\n');
      expect(message).toContain('/usr/bin/WebKitWebDriver, /usr/bin/Xvfb');
      for (const name of enginePackages) expect(message).toContain(name);
    }
  });
});
