/**
 * NATS subjects: dot-separated tokens; in a subscription `*` stands for exactly one token and `>` (only as
 * the last token) for one or more. Publishes name a literal subject (no wildcards).
 * https://docs.nats.io/nats-concepts/subjects; server/sublist.go (IsValidSubject, isSubsetMatchTokenized).
 */

const WHITESPACE = /[\t\n\f\r ]/;

/** server/sublist.go IsValidSubject: no empty token, no whitespace, nothing after `>`. */
export function isValidSubject(subject: string): boolean {
  if (subject === '') return false;
  let afterFullWildcard = false;
  for (const token of subject.split('.')) {
    if (token.length === 0 || afterFullWildcard) return false;
    if (WHITESPACE.test(token)) return false;
    if (token === '>') afterFullWildcard = true;
  }
  return true;
}

/** A subject without `*` or `>` tokens (what a publish must name). */
export const isLiteral = (subject: string): boolean =>
  isValidSubject(subject) && subject.split('.').every((t) => t !== '*' && t !== '>');

/** Does the literal `subject` match `pattern` (a subscription, stream or filter subject)? */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    const t = p[i]!;
    if (t === '>') return s.length > i;
    if (i >= s.length) return false;
    if (t !== '*' && t !== s[i]) return false;
  }
  return p.length === s.length;
}

/**
 * Is every subject that `subject` can stand for also matched by `test`? Both may hold wildcards
 * (`foo.*` is a subset of `>`, `*.*` and `foo.*`, not of `foo.bar`). A port of server/sublist.go
 * isSubsetMatchTokenized, used for consumer filters against stream subjects and for work-queue overlap.
 */
export function isSubsetMatch(subject: string, test: string): boolean {
  const tokens = subject.split('.');
  const testTokens = test.split('.');
  for (let i = 0; i < testTokens.length; i++) {
    const t2 = testTokens[i]!;
    if (i >= tokens.length) return false;
    if (t2.length === 0) return false;
    if (t2 === '>') return true;
    const t1 = tokens[i]!;
    if (t1.length === 0 || t1 === '>') return false;
    if (t1 === '*') {
      if (t2 !== '*') return false;
      continue;
    }
    if (t2 !== '*' && t1 !== t2) return false;
  }
  return tokens.length === testTokens.length;
}

/** server/consumer.go validFilteredSubject: a filter must fall inside one of the stream's subjects (or,
 * when it has wildcards, be wider than one of them). */
export function filterFitsStream(filter: string, streamSubjects: readonly string[]): boolean {
  if (!isValidSubject(filter)) return false;
  const wildcard = !isLiteral(filter);
  return streamSubjects.some((s) => isSubsetMatch(filter, s) || (wildcard && isSubsetMatch(s, filter)));
}

/** Could one literal subject match both patterns? (stream subjects may not overlap; server/sublist.go SubjectsCollide). */
export function subjectsCollide(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = a.split('.');
  const tb = b.split('.');
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === '>' || y === '>') return x !== undefined && y !== undefined;
    if (x === undefined || y === undefined) return false;
    if (x !== '*' && y !== '*' && x !== y) return false;
  }
  return true;
}
