/**
 * A built-in scenario's content version: a short hash of its parsed content. A share link made from
 * a built-in carries it, so a link opened after the built-in changed can say so instead of silently
 * replaying the learner's changes onto a different story. Computed, never hand-kept: any change to
 * the content changes it, and nobody can forget to bump it.
 */
import type { ScenarioDef } from '../schema';

/** cyrb53 (a well-mixed 53-bit string hash, public domain) of the scenario's canonical JSON. */
export function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const cache = new WeakMap<ScenarioDef, string>();

/** The same content gives the same version on every machine; `$schema` (an editor hint) is ignored. */
export function contentVersion(scenario: ScenarioDef): string {
  let v = cache.get(scenario);
  if (v === undefined) {
    const { $schema: _hint, ...content } = scenario;
    v = cyrb53(JSON.stringify(content)).toString(36);
    cache.set(scenario, v);
  }
  return v;
}
