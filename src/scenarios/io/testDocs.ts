/**
 * For tests of imports: a built-in scenario as a loose JSON document to break on purpose, and its
 * text after a mutation. (Test support only; nothing in the app imports it.)
 */
import { findBuiltin } from '../content';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = any;

export const baseDoc = (id = 'pubsub-basics'): Doc => JSON.parse(JSON.stringify(findBuiltin(id)!));

export const mutatedText = (mutate: (s: Doc) => void, id?: string): string => {
  const s = baseDoc(id);
  mutate(s);
  return JSON.stringify(s, null, 2);
};
