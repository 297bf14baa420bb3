/** Split a snippet around the mention's own text so it can be emphasised, still as plain text. Pure. */
export function splitSnippet(snippet: string, mention: string): [string, string, string] {
  if (!mention) return [snippet, '', ''];
  const lower = snippet.toLowerCase();
  const needle = mention.toLowerCase();
  // Prefer the occurrence nearest the middle: the snippet is centred on the mention.
  const middle = snippet.length / 2;
  let best = -1;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at + needle.length / 2 - middle) < Math.abs(best + needle.length / 2 - middle)) best = at;
  }
  if (best < 0) return [snippet, '', ''];
  return [snippet.slice(0, best), snippet.slice(best, best + needle.length), snippet.slice(best + needle.length)];
}
