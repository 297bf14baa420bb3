#!/usr/bin/env node
/**
 * The benchmark, one tool: `node bench/cli.mjs <subcommand> [args]`. See bench/README.md for what each subcommand
 * measures, its controls and the JSON it writes; `npm run bench`, `npm run bench:<subcommand>` are aliases.
 */
const COMMANDS = {
  run: 'floor, ours, mark.js and advanced-mark.js side by side; controls; code-cached runs; infinite scroll; sizes',
  tasks: 'the longest task of our pass on every corpus page',
  startup: "the task in which the real extension's content script starts",
  hover: "the task in which a person's hover opens the card",
  'code-cache': "whether a new site's renderer reuses our compiled code",
  scroll: 'frames while scrolling the synthetic page, bare and with the engine',
  phases: 'our pass timed part by part (diagnosis)',
  profile: 'our pass under the V8 sampling profiler (diagnosis)',
  notebook: 'the Notebook view with 10,000 kept passages: opening, paging, longest task',
  ab: "this checkout's engine against another checkout's",
  report: 'rewrite the generated tables of docs/performance.md from bench/results/*.json',
};

const [name, ...args] = process.argv.slice(2);
if (!name || !Object.hasOwn(COMMANDS, name)) {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  console.error(
    `usage: node bench/cli.mjs <subcommand> [args]\n\n${Object.entries(COMMANDS)
      .map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)
      .join('\n')}`,
  );
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
const { default: command } = await import(`./commands/${name}.mjs`);
const code = await command(args);
// A browser or server left behind must not keep the process alive.
process.exit(typeof code === 'number' ? code : 0);
