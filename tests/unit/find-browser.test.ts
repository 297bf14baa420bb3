import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { candidates, findBrowser, missingBrowserLine } from '../../scripts/find-browser.mjs';

const only = (path: string) => (p: string) => p === path;

describe('npm start finds an installed browser', () => {
  it('on Linux: Chromium, Chrome or Edge on PATH or in their usual places', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(findBrowser('chromium', { platform: 'linux', env, exists: only('/usr/bin/google-chrome') })?.path).toBe(
      '/usr/bin/google-chrome',
    );
    expect(
      findBrowser('chromium', { platform: 'linux', env, exists: only('/opt/microsoft/msedge/msedge') })?.path,
    ).toBe('/opt/microsoft/msedge/msedge');
    expect(findBrowser('firefox', { platform: 'linux', env, exists: only('/usr/bin/firefox-esr') })?.path).toBe(
      '/usr/bin/firefox-esr',
    );
  });

  it('on macOS: the app bundles in /Applications and ~/Applications', () => {
    const env = { HOME: '/Users/ann' };
    const edge = '/Users/ann/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser('chromium', { platform: 'darwin', env, exists: only(edge) })?.path).toBe(edge);
    expect(candidates('firefox', { platform: 'darwin', env })).toContain(
      '/Applications/Firefox.app/Contents/MacOS/Firefox',
    );
  });

  it('on Windows: Program Files and the user’s local app data', () => {
    const env = { ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' };
    const chrome = 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser('chromium', { platform: 'win32', env, exists: only(chrome) })?.path).toBe(chrome);
    expect(candidates('chromium', { platform: 'win32', env })).toContain(
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    );
  });

  it('an environment variable names the browser outright, and a wrong one is reported', () => {
    const env = { ER_BROWSER: '/custom/chrome', PATH: '/usr/bin' };
    expect(findBrowser('chromium', { platform: 'linux', env, exists: () => true })).toEqual({
      path: '/custom/chrome',
      fromEnv: true,
      found: true,
    });
    expect(findBrowser('chromium', { platform: 'linux', env, exists: () => false })?.found).toBe(false);
    expect(findBrowser('firefox', { platform: 'linux', env: { ER_FIREFOX: '/ff' }, exists: () => true })?.path).toBe(
      '/ff',
    );
  });

  it('with none installed: null, and one line naming what to install', () => {
    expect(findBrowser('chromium', { platform: 'linux', env: { PATH: '/usr/bin' }, exists: () => false })).toBeNull();
    const line = missingBrowserLine('chromium');
    expect(line).not.toContain('\n');
    expect(line).toMatch(/Chrome, Chromium or Edge/);
    expect(missingBrowserLine('firefox')).toMatch(/firefox-esr/);
  });
});

describe('npm start without a usable browser', () => {
  it('prints one clear line and no stack trace, before building anything', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, ER_BROWSER: '/nonexistent/chrome' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\/nonexistent\/chrome \(from the environment\) does not exist\. No Chrome, Chromium or Edge/,
    );
    expect(run.stdout).not.toMatch(/Building/);
  });

  it('refuses an unknown --browser in one line', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs', '--browser', 'safari'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Unknown browser "safari": use --browser chrome (the default) or --browser firefox.',
    );
  });
});
