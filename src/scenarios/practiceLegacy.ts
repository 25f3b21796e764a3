/**
 * Practice parts written before wrong choices carried a `why` and before key points lost their
 * `keywords` (saved forks and exports of the ride-sharing exercise): read as the current format,
 * so they still open. Keywords are dropped (nothing grades by them any more) and a wrong choice
 * without a reason points at the reference prose, which says why. Anything else is left as it is
 * for the schema to judge; the input is never changed.
 */
const LEGACY_WHY = 'The reference answer leaves this out; it says why.';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function upgradeQuestion(q: unknown): unknown {
  if (!isObject(q)) return q;
  const out: Record<string, unknown> = { ...q };
  if (Array.isArray(q.points))
    out.points = q.points.map((p) => {
      if (!isObject(p) || !('keywords' in p)) return p;
      const { keywords: _dropped, ...rest } = p;
      return rest;
    });
  if (Array.isArray(q.choices))
    out.choices = q.choices.map((c) =>
      isObject(c) && c.inReference === false && !('why' in c) ? { ...c, why: LEGACY_WHY } : c,
    );
  return out;
}

export function upgradeLegacyPractice(input: unknown): unknown {
  if (!isObject(input) || !isObject(input.practice) || !Array.isArray(input.practice.questions)) return input;
  return { ...input, practice: { ...input.practice, questions: input.practice.questions.map(upgradeQuestion) } };
}
