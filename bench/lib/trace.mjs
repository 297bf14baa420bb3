/**
 * Reads a Chromium performance trace: the renderer main thread's top-level
 * tasks and the console.timeStamp markers the page drivers leave, to measure
 * the longest task of a run and the main-thread time between two markers.
 */

// 'cc' adds ProxyMain::BeginMainFrame, which tells rendering tasks (style, layout, paint) from script tasks.
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'cc'];

/** Whether a trace event (script evaluation or compile) is of our content script. */
export const isContentScript = (e) => String(e.args?.data?.url ?? '').endsWith('/content-scripts/content.js');

/**
 * A complete event's thread (CPU) time in µs. A task's CPU time cannot exceed its wall time, but Chromium's thread
 * clock now and then reports more (see docs/performance.md, Method): clamp it.
 */
export function cpuOf(e) {
  return Math.min(e.tdur ?? e.dur, e.dur);
}

/**
 * Times in ms. A task's `cpu` is its thread time (robust when other processes
 * compete for the cores); `frame` marks a rendering task (BeginMainFrame).
 * @param {Buffer | object[]} buf the trace's bytes, or its events already parsed @returns {{ tasks: {ts: number, end: number, cpu: number, frame: boolean}[], marks: Map<string, number> }}
 */
export function parseTrace(buf) {
  const json = Array.isArray(buf) ? buf : JSON.parse(buf.toString('utf8'));
  const events = Array.isArray(json) ? json : json.traceEvents;
  const marks = new Map();
  let thread = null;
  for (const e of events) {
    if (e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('er-')) {
      marks.set(e.args.data.message, e.ts / 1000);
      thread = `${e.pid}:${e.tid}`;
    }
  }
  const onThread = (e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread;
  const raw = events
    .filter((e) => e.name === 'RunTask' && onThread(e))
    .map((e) => ({ ts: e.ts / 1000, end: (e.ts + e.dur) / 1000, cpu: cpuOf(e) / 1000, frame: false }))
    .sort((a, b) => a.ts - b.ts);
  const frameStarts = events
    .filter((e) => e.name === 'ProxyMain::BeginMainFrame' && onThread(e))
    .map((e) => e.ts / 1000)
    .sort((a, b) => a - b);
  // Keep top-level tasks only (a nested run loop can log a task inside a task).
  const tasks = [];
  for (const t of raw) {
    const prev = tasks[tasks.length - 1];
    if (prev && t.ts < prev.end) continue;
    tasks.push(t);
  }
  let f = 0;
  for (const t of tasks) {
    while (f < frameStarts.length && frameStarts[f] < t.ts) f++;
    if (f < frameStarts.length && frameStarts[f] < t.end) t.frame = true;
  }
  return { tasks, marks };
}

/** Tasks overlapping [from, to], clipped to it. */
function clipped(tasks, from, to) {
  const out = [];
  for (const t of tasks) {
    if (t.end <= from || t.ts >= to) continue;
    const ts = Math.max(t.ts, from);
    const end = Math.min(t.end, to);
    // CPU time of a clipped task, pro rata.
    const share = t.end > t.ts ? (end - ts) / (t.end - t.ts) : 1;
    out.push({ ts, end, full: t.end - t.ts, cpu: t.cpu * share, fullCpu: t.cpu, frame: t.frame });
  }
  return out;
}

/** Longest task overlapping the window between two markers: wall and CPU time, and whether it was a frame. */
export function longestTask(trace, fromMark, toMark) {
  const from = trace.marks.get(fromMark);
  const to = trace.marks.get(toMark);
  if (from === undefined || to === undefined) return null;
  let best = null;
  for (const t of clipped(trace.tasks, from, to)) if (!best || t.full > best.full) best = t;
  const byCpu = clipped(trace.tasks, from, to).reduce((m, t) => Math.max(m, t.fullCpu), 0);
  return best ? { wallMs: best.full, cpuMs: best.fullCpu, frame: best.frame, longestCpuMs: byCpu } : null;
}

/** The longest script task and the longest rendering task (frame) overlapping the window, by CPU time (ms). */
export function longestByKind(trace, fromMark, toMark) {
  const from = trace.marks.get(fromMark);
  const to = trace.marks.get(toMark);
  if (from === undefined || to === undefined) return null;
  let script = 0;
  let frame = 0;
  for (const t of clipped(trace.tasks, from, to)) {
    if (t.frame) frame = Math.max(frame, t.fullCpu);
    else script = Math.max(script, t.fullCpu);
  }
  return { script, frame };
}

/** Main-thread busy time between two markers (sum of task time inside the window). */
export function busyBetween(trace, fromMark, toMark) {
  const from = trace.marks.get(fromMark);
  const to = trace.marks.get(toMark);
  if (from === undefined || to === undefined) return null;
  const ts = clipped(trace.tasks, from, to);
  const sum = (xs) => xs.reduce((s, t) => s + t.cpu, 0);
  return {
    busy: ts.reduce((s, t) => s + (t.end - t.ts), 0),
    cpu: sum(ts),
    scriptCpu: sum(ts.filter((t) => !t.frame)),
    frameCpu: sum(ts.filter((t) => t.frame)),
    longest: ts.reduce((m, t) => Math.max(m, t.full), 0),
    longestCpu: ts.reduce((m, t) => Math.max(m, t.fullCpu), 0),
    tasks: ts.length,
    wall: to - from,
  };
}
