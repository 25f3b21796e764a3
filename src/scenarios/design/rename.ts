/**
 * Renaming a thing everywhere it is referred to. A scenario refers to its parts by name under a few
 * well-known keys (`eventType`, `topic`, `group`…), so a rename walks the draft and replaces the
 * matching strings under those keys only — a step's narration that mentions the name is left alone.
 */
export type RefKind = 'eventType' | 'topic' | 'group' | 'producer' | 'aggregate' | 'projection' | 'queue';

/** Keys whose string value (or list of strings) names a thing of this kind. */
const refKeys: Record<RefKind, readonly string[]> = {
  eventType: ['eventType', 'eventTypes'],
  topic: ['topic', 'topics', 'deadLetterTopic'],
  group: ['group'],
  producer: ['producer'],
  aggregate: ['aggregate'],
  projection: ['projection', 'readModel'],
  queue: ['queue'],
};

export const refKindLabel: Record<RefKind, string> = {
  eventType: 'event type',
  topic: 'topic',
  group: 'consumer group',
  producer: 'producer',
  aggregate: 'aggregate',
  projection: 'projection',
  queue: 'queue',
};

function walk(value: unknown, keys: readonly string[], from: string, to: string | null, count: { n: number }): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v) => {
      const w = walk(v, keys, from, to, count);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? next : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  let changed = false;
  const entries = Object.entries(value).map(([k, v]): [string, unknown] => {
    let w: unknown;
    if (keys.includes(k) && v === from) {
      count.n++;
      w = to ?? v;
    } else if (keys.includes(k) && Array.isArray(v) && v.some((x) => typeof x === 'string')) {
      w = v.map((x) => (x === from ? (count.n++, to ?? x) : x));
      if (v.every((x, i) => x === (w as unknown[])[i])) w = v;
    } else {
      w = walk(v, keys, from, to, count);
    }
    if (w !== v) changed = true;
    return [k, w];
  });
  return changed ? Object.fromEntries(entries) : value;
}

/** How many places refer to `name` as a thing of this kind. */
export function countReferences(doc: unknown, kind: RefKind, name: string): number {
  const count = { n: 0 };
  walk(doc, refKeys[kind], name, null, count);
  return count.n;
}

/** The draft with every reference to `from` (as a thing of this kind) now naming `to`. */
export function renameReferences(doc: unknown, kind: RefKind, from: string, to: string): unknown {
  if (from === to) return doc;
  return walk(doc, refKeys[kind], from, to, { n: 0 });
}
