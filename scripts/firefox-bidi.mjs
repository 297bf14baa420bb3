// A minimal WebDriver BiDi client for Firefox: start the browser headless
// with a throwaway profile, connect to its BiDi endpoint, send commands.
// No geckodriver: Firefox speaks BiDi itself on --remote-debugging-port.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocketClient from 'ws';

// Quiet, offline profile: no updates, telemetry, first-run pages or remote settings.
const PREFS = {
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.search.update': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/remote-settings-disabled',
};

function userJs(extra) {
  return Object.entries({ ...PREFS, ...extra })
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

/** Start Firefox and resolve once its BiDi endpoint is listening. */
export async function launchFirefox({
  executable = '/usr/bin/firefox-esr',
  timeoutMs = 30_000,
  prefs = {},
  headless = true,
  args = [],
} = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'er-firefox-'));
  await writeFile(join(profile, 'user.js'), `${userJs(prefs)}\n`);
  const child = spawn(
    executable,
    [
      ...(headless ? ['--headless'] : []),
      '--no-remote',
      // Firefox 148 and later let BiDi open the add-on's own pages (moz-extension://) only with system access.
      '--remote-allow-system-access',
      '--remote-debugging-port',
      '0',
      '--profile',
      profile,
      ...args,
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  let log = '';
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not open BiDi within ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      log += chunk;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi was ready:\n${log}`));
    });
  });
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(profile, { recursive: true, force: true });
  };
  const exited = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
  return { endpoint, close, exited, pid: child.pid };
}

/** Open a BiDi session on the endpoint; `send` resolves with a command's result or rejects with its error. */
export async function connect(endpoint) {
  const ws = new WebSocketClient(`${endpoint}/session`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.id === undefined || !pending.has(msg.id)) return; // events are not used here
    const { resolve, reject, method } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.type === 'error') reject(new Error(`${method}: ${msg.error}: ${msg.message}`));
    else resolve(msg.result);
  });
  ws.on('close', () => {
    for (const { reject, method } of pending.values()) reject(new Error(`${method}: connection closed`));
    pending.clear();
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', { capabilities: {} });
  return {
    send,
    async end() {
      await send('session.end').catch(() => {});
      ws.close();
    },
  };
}
