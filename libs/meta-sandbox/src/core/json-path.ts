/**
 * The small JSONPath subset batch references use: `$.data.*.id`, `$.data.0.id`, `$.id`. Several matches are
 * joined with commas, as Meta does for `?ids={result=name:$.data.*.id}`.
 */
export function jsonPath(value: unknown, path: string): string | undefined {
  if (!path.startsWith('$')) return undefined;
  let current: unknown[] = [value];
  for (const part of path.slice(1).split('.').filter(Boolean)) {
    const next: unknown[] = [];
    for (const item of current) {
      if (item === null || typeof item !== 'object') continue;
      if (part === '*') next.push(...(Array.isArray(item) ? item : Object.values(item)));
      else if (part in item) next.push((item as Record<string, unknown>)[part]);
    }
    current = next;
  }
  if (current.length === 0) return undefined;
  return current.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(',');
}
