/**
 * A fresh headless Chromium with the built extension, traced by Chromium
 * itself from launch (--trace-startup) into a JSON file: no DevTools client
 * is attached, unless the caller opens the protocol pipe (`pipeClient`).
 * Shared by the startup, hover and code-cache subcommands.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, LOOPBACK_ONLY_ARG, QUIET_ARGS } from '../../scripts/chromium.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ ext: string, url: string, categories: string, seconds: number, args?: string[], pipe?: boolean }} o
 *   `seconds`: how long Chromium traces before it writes the file; `pipe`: open --remote-debugging-pipe on fds 3 and 4.
 */
export function launchTraced({ ext, url, categories, seconds, args = [], pipe = false }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'er-traced-'));
  const file = path.join(dir, 'trace.json');
  const started = Date.now();
  const child = spawn(
    CHROMIUM,
    [
      ...QUIET_ARGS,
      LOOPBACK_ONLY_ARG,
      '--headless',
      ...args,
      ...(pipe ? ['--remote-debugging-pipe'] : []),
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      `--trace-startup=${categories}`,
      '--trace-startup-format=json',
      `--trace-startup-file=${file}`,
      `--trace-startup-duration=${seconds}`,
      url,
    ],
    { stdio: pipe ? ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] : 'ignore' },
  );
  return {
    child,
    /**
     * The trace once Chromium has written a whole file: its bytes and its events. Throws 30 s after the tracing
     * time is over.
     */
    async readTrace() {
      while (Date.now() - started < (seconds + 30) * 1000) {
        await sleep(250);
        try {
          const buf = readFileSync(file);
          return { buf, events: JSON.parse(buf.toString('utf8')).traceEvents };
        } catch {
          // Not written yet, or still being written.
        }
      }
      throw new Error('no trace written');
    },
    async close() {
      child.kill('SIGKILL');
      await sleep(200);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `once(name)` `reps` times for each page (each run its own fresh browser), keeping what each run measured and
 * why a run failed; logs progress under `label`.
 * @template T @param {string[]} pages @param {number} reps @param {string} label
 * @param {(name: string) => Promise<T>} once @returns {Promise<{ name: string, runs: T[], errors: string[] }[]>}
 */
export async function repeatPerPage(pages, reps, label, once) {
  const t0 = Date.now();
  const out = [];
  for (const name of pages) {
    const runs = [];
    const errors = [];
    for (let rep = 0; rep < reps; rep++) {
      try {
        runs.push(await once(name));
      } catch (e) {
        errors.push(String(e).slice(0, 200));
      }
    }
    console.error(`[${label} ${Math.round((Date.now() - t0) / 1000)}s] ${name}: ${runs.length}/${reps} runs`);
    out.push({ name, runs, errors });
  }
  return out;
}

/** A DevTools protocol client over Chromium's pipe (fd 3 in, fd 4 out; messages end with NUL). */
export function pipeClient(child) {
  let nextId = 1;
  const waiting = new Map();
  let buffer = '';
  child.stdio[4].on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end = buffer.indexOf('\0');
    while (end >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const w = waiting.get(msg.id);
      if (w) {
        waiting.delete(msg.id);
        if (msg.error) w.reject(new Error(msg.error.message));
        else w.resolve(msg.result);
      }
      end = buffer.indexOf('\0');
    }
  });
  return (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.stdio[3].write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
}
