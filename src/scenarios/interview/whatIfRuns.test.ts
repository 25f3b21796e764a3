/**
 * The what-ifs checked by running them: each passes on its prompt's reference design, and those that
 * were strategies only — a phone offline whose app retries its accept late (or, in the notification system,
 * a phone switched off for a day while the send is tried again), a consumer deploy whose day is reprocessed —
 * fail on a design that lacks the defence (the wrong answer's change to the design).
 */
import { describe, expect, it } from 'vitest';
import { designOf, referenceAnswers } from './answers';
import { resolveRun } from './grade';
import { namesOf } from './patches';
import { PROMPTS } from './prompts';
import { paymentsWallet } from './prompts/paymentsWallet';
import { rideSharing } from './prompts/rideSharing';
import { runCheck } from './runs/runChecks';
import { Stepper } from '../stepper';
import { gradeWith } from './testing';

const runOf = (w: (typeof PROMPTS)[number]['whatIfs'][number]) => {
  if (!('run' in w.check)) throw new Error(`${w.id} is not run`);
  return w.check.run;
};

describe.each(PROMPTS.map((p) => [p.id, p] as const))('prompt %s', (_id, prompt) => {
  it('every what-if that is run passes on the reference design', () => {
    for (const w of prompt.whatIfs.filter((x) => 'run' in x.check)) {
      const r = runCheck(prompt.reference, runOf(w));
      expect(r.pass, `${w.id}: ${r.feedback}`).toBe(true);
    }
  });

  it('the phone-offline and reprocess what-ifs fail on the design their wrong answer builds', () => {
    for (const w of prompt.whatIfs.filter((x) => ['phone-offline', 'reprocess'].includes(x.id) && 'run' in x.check))
      for (const c of w.choices.filter((x) => !x.correct && x.patches)) {
        const a = referenceAnswers(prompt, [w]);
        a.whatIfs[w.id] = c.id;
        const { design } = designOf(prompt, a);
        const r = runCheck(design, resolveRun(runOf(w), namesOf(c.patches!)));
        expect(r.pass, `${w.id}/${c.id}: ${r.feedback}`).toBe(false);
      }
  });
});

describe('ride-sharing, run by run', () => {
  const whatIf = (id: string) => rideSharing.whatIfs.find((w) => w.id === id)!;

  it('a late accept from driver-3 is refused: one driver, and Maya is told the truth', () => {
    const r = runCheck(rideSharing.reference, runOf(whatIf('phone-offline')));
    expect(r.feedback).toBe(
      'Driver assigned once: one RideAccepted for rideId 42. Maya\'s trip-status row shows driverId "driver-7", the one assigned.',
    );
    expect(r.openAt).toBe(5);
    expect(r.played?.steps[4]?.action).toMatchObject({ kind: 'command', command: 'AcceptRide', id: '42' });
  });

  it('an aggregate that accepts again lets the late accept take the ride from the driver on the way', () => {
    const a = referenceAnswers(rideSharing, [whatIf('phone-offline')]);
    a.whatIfs['phone-offline'] = 'last-wins';
    const r = runCheck(designOf(rideSharing, a).design, runOf(whatIf('phone-offline')));
    expect(r.pass).toBe(false);
    expect(r.feedback).toMatch(
      /^Driver assigned (twice|3 times): .* Maya's trip-status row shows driverId "driver-3", while the store holds \d RideAccepted \(driver-7, driver-3/,
    );
  });

  it('reprocessing the day: the replay notifies nothing twice and the rebuilt trip status ends the same', () => {
    const r = runCheck(rideSharing.reference, runOf(whatIf('reprocess')));
    expect(r.feedback).toMatch(
      /^Maya told who is coming once: one RiderNotified for rideId 42\. Rebuilt from the store, the trip-status row ends the same: status "completed"/,
    );
    expect(r.inputs.map((i) => i.kind)).toEqual(['remove-consumer', 'reset-group', 'add-consumer']);
    const a = referenceAnswers(rideSharing, [whatIf('reprocess')]);
    a.whatIfs.reprocess = 'no-dedup';
    const bad = runCheck(designOf(rideSharing, a).design, runOf(whatIf('reprocess')));
    expect(bad.feedback).toMatch(/^Maya told who is coming twice: 2 RiderNotified for rideId 42/);
  });
});

describe('payments wallet: Ada taps Pay again after reconnecting', () => {
  const whatIf = paymentsWallet.whatIfs.find((w) => w.id === 'phone-offline')!;

  it('the reference refuses the repeated payment id: paid once, and the refusal names the payment', () => {
    const r = runCheck(paymentsWallet.reference, runOf(whatIf));
    expect(r).toMatchObject({
      pass: true,
      feedback: 'Paid once: one MerchantPaid for paymentId p-3.',
      openAt: 10,
    });
    const played = new Stepper(r.played!, []);
    expect(played.at(11).effects).toContainEqual(
      expect.objectContaining({
        kind: 'command-rejected',
        reason: 'PayMerchant is refused: payment p-3 was already made',
      }),
    );
  });

  it('trusting Ada not to tap twice drops the check: both payments land, and the failing run is kept to open', () => {
    const a = referenceAnswers(paymentsWallet, [whatIf]);
    a.whatIfs['phone-offline'] = 'trust-user';
    const { design } = designOf(paymentsWallet, a);
    expect(design.topology.aggregates?.find((x) => x.type === 'Wallet')?.commands[2]).not.toHaveProperty('checks');
    const r = runCheck(design, runOf(whatIf));
    expect(r).toMatchObject({
      pass: false,
      feedback: 'Paid twice: 2 MerchantPaid for paymentId p-3 by the end of the run.',
      inputs: [],
      openAt: 10,
    });
    expect(r.played?.steps[10]?.action).toMatchObject({ kind: 'command', command: 'PayMerchant', id: 'w-1' });
    // The balance guard stays: the race's second payment is still refused on that design.
    expect(
      gradeWith(paymentsWallet, whatIf.choices.find((x) => x.id === 'trust-user')!.patches!).runs.find(
        (x) => x.id === 'race',
      )?.pass,
    ).toBe(true);
  });
});
