/**
 * Where `npm start` finds an installed browser: Chrome, Chromium or Edge, or
 * Firefox, on Linux, macOS and Windows. An environment variable names one
 * outright (ER_BROWSER for the Chromium family, ER_FIREFOX for Firefox).
 * Pure apart from the `exists` check, which tests replace.
 */
import fs from 'node:fs';
import path from 'node:path';

const CHROMIUM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
];
const FIREFOX_NAMES = ['firefox-esr', 'firefox'];

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Candidate paths, most likely first, for a platform and environment. */
export function candidates(kind, { platform = process.platform, env = process.env } = {}) {
  const onPath = (names) =>
    (env.PATH ?? '')
      .split(platform === 'win32' ? ';' : ':')
      .filter(Boolean)
      .flatMap((dir) => names.map((n) => path.join(dir, platform === 'win32' ? `${n}.exe` : n)));
  if (platform === 'darwin') {
    const apps = kind === 'firefox' ? ['Firefox'] : ['Google Chrome', 'Chromium', 'Microsoft Edge'];
    return ['/Applications', path.join(env.HOME ?? '', 'Applications')].flatMap((dir) =>
      apps.map((app) => `${dir}/${app}.app/Contents/MacOS/${app}`),
    );
  }
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(Boolean);
    const tails =
      kind === 'firefox'
        ? ['Mozilla Firefox\\firefox.exe']
        : [
            'Google\\Chrome\\Application\\chrome.exe',
            'Chromium\\Application\\chrome.exe',
            'Microsoft\\Edge\\Application\\msedge.exe',
          ];
    return roots.flatMap((r) => tails.map((t) => path.win32.join(r, t)));
  }
  const names = kind === 'firefox' ? FIREFOX_NAMES : CHROMIUM_NAMES;
  const fixed =
    kind === 'firefox'
      ? ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox']
      : ['/usr/bin/chromium', '/snap/bin/chromium', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
  return [...new Set([...onPath(names), ...fixed])];
}

/**
 * The browser to start: the env override when set (even if missing: the
 * caller reports it), else the first installed candidate, else null.
 */
export function findBrowser(kind, { platform = process.platform, env = process.env, exists = isFile } = {}) {
  const override = kind === 'firefox' ? (env.ER_FIREFOX ?? env.FIREFOX_PATH) : (env.ER_BROWSER ?? env.CHROMIUM);
  if (override) return { path: override, fromEnv: true, found: exists(override) };
  const hit = candidates(kind, { platform, env }).find((p) => exists(p));
  return hit ? { path: hit, fromEnv: false, found: true } : null;
}

/** The one line printed when nothing is found. */
export function missingBrowserLine(kind) {
  return kind === 'firefox'
    ? 'No Firefox found: install Firefox (Debian: apt-get install -y firefox-esr), or set ER_FIREFOX=/path/to/firefox.'
    : 'No Chrome, Chromium or Edge found: install one (Debian: apt-get install -y chromium), or set ER_BROWSER=/path/to/browser.';
}
