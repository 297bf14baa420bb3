export function hostileSpec() {
  return [];
}
