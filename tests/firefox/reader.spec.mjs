export function readerSpec() {
  return [];
}
