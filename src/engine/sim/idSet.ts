/**
 * An immutable set of ids that stays cheap to grow: the persistent hash map of `persistent.ts`, so
 * adding an id copies one path of at most 32-slot nodes and shares the rest. (Its first version
 * spread ids over 256 plain-object buckets and copied the bucket table and a bucket per id: a poll
 * of 1,000 records spent a quarter of a second in it.)
 */
import { emptyMap, mapHas, mapKeys, mapSet, type PMap } from './persistent';

export type IdSet = PMap<true>;

export const EMPTY_ID_SET: IdSet = emptyMap<true>();

// The map compares keys with ===, never through Object.prototype: an id may be any text ("toString").
export const hasId = (set: IdSet, id: string): boolean => mapHas(set, id);

export const addId = (set: IdSet, id: string): IdSet => (mapHas(set, id) ? set : mapSet(set, id, true));

export const idsOf = (set: IdSet): string[] => mapKeys(set);

export const sizeOf = (set: IdSet): number => set.size;
