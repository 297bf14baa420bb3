/**
 * Reads a Chromium performance trace: the renderer main thread's top-level
 * tasks and the console.timeStamp markers the page drivers leave, to measure
 * the longest task of a run and the main-thread time between two markers.
 */

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'];

/** @param {Buffer} buf @returns {{ tasks: {ts: number, end: number}[], marks: Map<string, number> }} times in ms */
export function parseTrace(buf) {
  const json = JSON.parse(buf.toString('utf8'));
  const events = Array.isArray(json) ? json : json.traceEvents;
  const marks = new Map();
  let thread = null;
  for (const e of events) {
    if (e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('er-')) {
      marks.set(e.args.data.message, e.ts / 1000);
      thread = `${e.pid}:${e.tid}`;
    }
  }
  const raw = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && `${e.pid}:${e.tid}` === thread)
    .map((e) => ({ ts: e.ts / 1000, end: (e.ts + e.dur) / 1000 }))
    .sort((a, b) => a.ts - b.ts);
  // Keep top-level tasks only (a nested run loop can log a task inside a task).
  const tasks = [];
  for (const t of raw) {
    const prev = tasks[tasks.length - 1];
    if (prev && t.ts < prev.end) continue;
    tasks.push(t);
  }
  return { tasks, marks };
}

/** Tasks overlapping [from, to], clipped to it. */
function clipped(tasks, from, to) {
  const out = [];
  for (const t of tasks) {
    if (t.end <= from || t.ts >= to) continue;
    out.push({ ts: Math.max(t.ts, from), end: Math.min(t.end, to), full: t.end - t.ts });
  }
  return out;
}

/** Longest task (full duration) overlapping the window between two markers. */
export function longestTask(trace, fromMark, toMark) {
  const from = trace.marks.get(fromMark);
  const to = trace.marks.get(toMark);
  if (from === undefined || to === undefined) return null;
  const ts = clipped(trace.tasks, from, to);
  return ts.reduce((m, t) => Math.max(m, t.full), 0);
}

/** Main-thread busy time between two markers (sum of task time inside the window). */
export function busyBetween(trace, fromMark, toMark) {
  const from = trace.marks.get(fromMark);
  const to = trace.marks.get(toMark);
  if (from === undefined || to === undefined) return null;
  const ts = clipped(trace.tasks, from, to);
  return {
    busy: ts.reduce((s, t) => s + (t.end - t.ts), 0),
    longest: ts.reduce((m, t) => Math.max(m, t.full), 0),
    tasks: ts.length,
    wall: to - from,
  };
}
