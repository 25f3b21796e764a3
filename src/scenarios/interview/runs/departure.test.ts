/**
 * A run whose outcome never happened opens at the first step its design decides otherwise than the reference
 * design, and says which step that is (issue 17: it opened at the fault's step, far from what went wrong).
 */
import { describe, expect, it } from 'vitest';
import { designOf, gradeAnswers, referenceAnswers } from '../answers';
import { rideSharing } from '../prompts/rideSharing';
import { runCheck } from './runChecks';

function runOf(question: string, choice: string, runId: string) {
  const a = referenceAnswers(rideSharing);
  a.questions[question] = { choice };
  const { result } = gradeAnswers(rideSharing, a);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.grade.runs.find((r) => r.id === runId)!;
}

describe('a run that never reaches its outcome', () => {
  it('a decline only logged: charged never, opened at the retry the design refuses', () => {
    const r = runOf('declines', 'log', 'duplicate-payments');
    expect(r.pass).toBe(false);
    expect(r.feedback).toBe(
      'Charged never: no PaymentCaptured for rideId 42 by the end of the run: step 13, “The retry”, refuses ChargeFare, which the reference design accepts.',
    );
    expect(r.openAt).toBe(13);
  });

  it('the last accept wins: opened at the race, where both accepts are accepted', () => {
    const r = runOf('race', 'last-wins', 'crash-payments');
    expect(r.feedback).toMatch(
      /: step 4, “Two drivers accept at the same instant”, accepts AcceptRide twice, where the reference design accepts it once\.$/,
    );
    expect(r.openAt).toBe(4);
  });

  it('without the reference design it cannot say where, and opens at the fault', () => {
    const a = referenceAnswers(rideSharing);
    a.questions['declines'] = { choice: 'log' };
    const { design, key } = designOf(rideSharing, a);
    const spec = key.runs.find((x) => x.id === 'duplicate-payments')!;
    const r = runCheck(design, spec);
    expect(r.feedback).toMatch(/\(an earlier step went wrong; open the run to see where\)\.$/);
    expect(r.openAt).toBe(spec.faults[0]!.atStep + 1);
  });
});
