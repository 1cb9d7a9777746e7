// Browser discovery: ACTA_CHROME first (an error when it names nothing), then the usual install paths.

import { describe, expect, it } from 'vitest';
import { BrowserUnavailable, browserPaths, findBrowser } from '../../../src/render/pdf/find-browser.js';

const HOW_TO =
  'The PDF edition is printed by Chromium or Google Chrome. Install one (Debian or Ubuntu: `apt-get install chromium`; ' +
  'macOS and Windows: install Google Chrome), or set ACTA_CHROME to the path of its program.';

const search = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv, present: readonly string[]) => ({ platform, env, exists: (f: string) => present.includes(f) });

describe('findBrowser', () => {
  it('takes ACTA_CHROME when it exists, before any install path', () => {
    expect(findBrowser(search('linux', { ACTA_CHROME: '/opt/my/chrome' }, ['/opt/my/chrome', '/usr/bin/chromium']))).toBe('/opt/my/chrome');
  });

  it('refuses an ACTA_CHROME that names nothing, even with a browser installed', () => {
    const find = () => findBrowser(search('linux', { ACTA_CHROME: '/nonexistent' }, ['/usr/bin/chromium']));
    expect(find).toThrow(BrowserUnavailable);
    expect(find).toThrow(`cannot make the PDF edition: ACTA_CHROME is set to /nonexistent, which does not exist. ${HOW_TO}`);
  });

  it('finds Debian\'s Chromium, else Chrome, on Linux', () => {
    expect(findBrowser(search('linux', {}, ['/usr/bin/google-chrome', '/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(findBrowser(search('linux', {}, ['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
  });

  it('finds Chrome in Applications on macOS, and under Program Files or the user\'s AppData on Windows', () => {
    expect(findBrowser(search('darwin', { HOME: '/Users/ana' }, ['/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium']))).toBe(
      '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
    expect(browserPaths('darwin', {})[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const windows = { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' };
    expect(browserPaths('win32', windows)).toEqual([
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    ]);
  });

  it('says how to install one when none is found', () => {
    expect(() => findBrowser(search('linux', {}, []))).toThrow(`cannot make the PDF edition: no Chromium or Google Chrome was found. ${HOW_TO}`);
  });
});
