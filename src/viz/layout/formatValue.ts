/** Any JSON-ish value as short display text (read models, aggregate fields, queue bodies). */
export function formatValue(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export const shortId = (id: string, n = 8): string => (id.length > n ? `${id.slice(0, n)}…` : id);
