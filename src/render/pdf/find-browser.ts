// Finds the Chromium-family browser that prints the PDF edition: ACTA_CHROME, else the usual install paths.

import { existsSync } from 'node:fs';
import path from 'node:path';

/** No browser to print with: said in words for the person running acta, never with a stack. */
export class BrowserUnavailable extends Error {
  override readonly name = 'BrowserUnavailable';
}

const HOW_TO =
  'The PDF edition is printed by Chromium or Google Chrome. Install one (Debian or Ubuntu: `apt-get install chromium`; ' +
  'macOS and Windows: install Google Chrome), or set ACTA_CHROME to the path of its program.';

/** Where Chromium and Chrome install themselves, in the order they are tried. */
export function browserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    const home = env.HOME ? apps.map((app) => path.posix.join(env.HOME!, 'Applications', app)) : [];
    return [...apps.map((app) => `/Applications/${app}`), ...home];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

export interface BrowserSearch {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly exists: (file: string) => boolean;
}

const here: BrowserSearch = { env: process.env, platform: process.platform, exists: existsSync };

/** The browser's program; throws BrowserUnavailable, with what to do, when there is none. */
export function findBrowser(search: BrowserSearch = here): string {
  const chosen = search.env.ACTA_CHROME;
  if (chosen) {
    if (search.exists(chosen)) return chosen;
    throw new BrowserUnavailable(`cannot make the PDF edition: ACTA_CHROME is set to ${chosen}, which does not exist. ${HOW_TO}`);
  }
  const found = browserPaths(search.platform, search.env).find((file) => search.exists(file));
  if (found) return found;
  throw new BrowserUnavailable(`cannot make the PDF edition: no Chromium or Google Chrome was found. ${HOW_TO}`);
}
