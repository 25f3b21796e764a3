/**
 * An immutable set of ids that stays cheap to grow: ids are spread over 256 buckets by a small
 * hash, so adding one copies one bucket and the bucket table instead of every id (a consumer that
 * has processed 10,000 events adds the next one in a few hundred copies, not 10,000).
 */
export type IdSet = Readonly<Record<string, Readonly<Record<string, true>>>>;

export const EMPTY_ID_SET: IdSet = {};

const bucketOf = (id: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return ((h >>> 0) & 0xff).toString(16);
};

// Own properties only: an id may be any text, including an Object.prototype name ("toString").
const holds = (bucket: Readonly<Record<string, true>> | undefined, id: string): boolean =>
  bucket !== undefined && Object.hasOwn(bucket, id);

export const hasId = (set: IdSet, id: string): boolean => holds(set[bucketOf(id)], id);

export function addId(set: IdSet, id: string): IdSet {
  const b = bucketOf(id);
  const bucket = set[b];
  if (holds(bucket, id)) return set;
  return { ...set, [b]: { ...bucket, [id]: true } };
}

export const idsOf = (set: IdSet): string[] => Object.values(set).flatMap((bucket) => Object.keys(bucket));

export const sizeOf = (set: IdSet): number =>
  Object.values(set).reduce((n, bucket) => n + Object.keys(bucket).length, 0);
