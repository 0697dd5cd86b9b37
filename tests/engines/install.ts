/**
 * What `npm run test:engines` needs on the machine, and what to do when some of it is missing:
 * install it as `npm test` installs Chromium (apt-get, as root, on Debian or Ubuntu), or stop with
 * one line saying what to install. Never a silent skip.
 */
export const engines = {
  firefox: '/usr/bin/firefox-esr',
  webkitDriver: '/usr/bin/WebKitWebDriver',
  miniBrowser: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  xvfb: '/usr/bin/Xvfb',
} as const;

/** The Debian packages that provide them (webkit2gtk-driver pulls in MiniBrowser). */
export const enginePackages = ['firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth'];

export type InstallPlan = { do: 'nothing' } | { do: 'apt-get'; packages: string[] } | { do: 'stop'; message: string };

export function installPlan({ missing, root, aptGet }: { missing: string[]; root: boolean; aptGet: boolean }): InstallPlan {
  if (missing.length === 0) return { do: 'nothing' };
  if (root && aptGet) return { do: 'apt-get', packages: enginePackages };
  return {
    do: 'stop',
    message: `test:engines: missing ${missing.join(', ')}; install the Debian/Ubuntu packages ${enginePackages.join(' ')} (as root: apt-get install ${enginePackages.join(' ')})`,
  };
}
