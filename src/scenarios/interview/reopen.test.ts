/**
 * A saved scorecard's design rebuilt from what its record keeps: the same design and the same failing
 * runs as when it was graded; an old record, damaged answers, an unknown or changed prompt, and answers
 * the prompt no longer has each give a sentence, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { referenceAnswers } from './answers';
import { drawWhatIfs } from './prompt';
import { PROMPTS } from './prompts';
import { rideSharing } from './prompts/rideSharing';
import { rebuildOf } from './reopen';
import { scorecardOf, type Scorecard } from './scorecard';

const whatIfs = drawWhatIfs(rideSharing, 3, 2);
const poor = () => {
  const a = referenceAnswers(rideSharing, whatIfs);
  a.questions['payments-consumer'] = { choice: 'charge' };
  return a;
};
const graded = scorecardOf(rideSharing, poor(), whatIfs) as Scorecard;
// As stored: plain data through JSON (IndexedDB keeps a structured clone; JSON is the backup).
const stored: unknown = JSON.parse(JSON.stringify(graded.rebuild));

describe('rebuilding a saved scorecard’s design', () => {
  it('rebuilds the design that was graded, with the same failing runs and the steps they open at', () => {
    const r = rebuildOf('ride-sharing', stored, PROMPTS);
    if (!r.ok) throw new Error(r.why);
    expect(r.whatIfs.map((w) => w.id)).toEqual(whatIfs.map((w) => w.id));
    const again = scorecardOf(r.prompt, r.answers, r.whatIfs) as Scorecard;
    expect(again.design).toEqual(graded.design);
    expect(again.grade.runs.map((x) => [x.id, x.pass, x.openAt, x.inputs])).toEqual(
      graded.grade.runs.map((x) => [x.id, x.pass, x.openAt, x.inputs]),
    );
    expect(again.grade.runs.some((x) => !x.pass)).toBe(true);
  });

  it.each([
    ['an old record', undefined, 'it was saved before scorecards kept the answers that rebuild their design'],
    ['damaged answers', { promptVersion: 1, whatIfIds: [], answers: 'lost' }, 'the answers saved with it are damaged'],
    [
      'a version that is not a number',
      { ...(stored as object), promptVersion: '1' },
      'the answers saved with it are damaged',
    ],
    [
      'answers the prompt does not have',
      { ...(stored as object), answers: { ...poor(), questions: { 'no-such-question': { choice: 'a' } } } },
      'its answers name a question or choice the prompt does not have',
    ],
    [
      'a what-if the prompt does not have',
      { ...(stored as object), whatIfIds: ['gone'] },
      'its answers name a question or choice the prompt does not have',
    ],
  ])('%s: says why, never throws', (_what, design, why) => {
    expect(rebuildOf('ride-sharing', design, PROMPTS)).toEqual({ ok: false, why });
  });

  it('a prompt no longer offered, or changed since the scorecard was graded', () => {
    expect(rebuildOf('chess-club', stored, PROMPTS)).toEqual({
      ok: false,
      why: 'the prompt “chess-club” is no longer offered',
    });
    const changed = PROMPTS.map((p) => (p.id === 'ride-sharing' ? { ...p, version: p.version + 1 } : p));
    const r = rebuildOf('ride-sharing', stored, changed);
    expect(!r.ok && r.why).toMatch(/^the prompt has changed since \(graded on version \d+, now \d+\)/);
  });
});
