import { describe, expect, it } from 'vitest';
import { referenceAnswers } from './answers';
import { drawWhatIfs } from './prompt';
import { notificationSystem } from './prompts/notificationSystem';
import { paymentsWallet } from './prompts/paymentsWallet';
import { rideSharing } from './prompts/rideSharing';
import { scorecardOf, type Scorecard } from './scorecard';

const card = (c: Scorecard | string): Scorecard => {
  if (typeof c === 'string') throw new Error(c);
  return c;
};

describe('the scorecard of a mock interview', () => {
  const whatIfs = drawWhatIfs(rideSharing, 1, 4);

  it('answered with the reference: every point and run passes, nothing to study, each what-if right with its run or why none', () => {
    const c = card(scorecardOf(rideSharing, referenceAnswers(rideSharing), whatIfs));
    expect(c.score).toEqual({ passed: 17, total: 17 });
    expect(c.study).toEqual([]);
    expect(c.requirements.missed).toEqual([]);
    for (const w of c.whatIfs) {
      expect(w.choice?.correct).toBe(true);
      if ('run' in w.whatIf.check) expect(w.run?.pass, w.run?.feedback).toBe(true);
      else expect(w.notRun).toMatch(/^Not run: /);
    }
  });

  it('a payments consumer that charges every delivery: the failed points and runs, their study links once each, and the what-if run that catches it', () => {
    const a = referenceAnswers(rideSharing);
    a.questions['payments-consumer'] = { choice: 'charge' };
    a.whatIfs['provider-timeout'] = 'retry-blindly';
    a.requirements = ['one-driver', 'colours'];
    const c = card(scorecardOf(rideSharing, a, whatIfs));
    expect(c.score).toEqual({ passed: 12, total: 17 });
    expect(c.study.map((s) => `${s.scenarioId}/${s.step}`)).toEqual([
      'delivery-guarantees/9',
      'delivery-guarantees/7',
      'delivery-guarantees/5',
    ]);
    const timeout = c.whatIfs.find((w) => w.whatIf.id === 'provider-timeout')!;
    expect(timeout.choice?.correct).toBe(false);
    expect(timeout.run).toMatchObject({
      pass: false,
      feedback: 'Charged twice: 2 PaymentCaptured for rideId 42 by the end of the run.',
    });
    expect(c.requirements.irrelevant.map((r) => r.id)).toEqual(['colours']);
    expect(c.requirements.missed.map((r) => r.id)).toEqual(['charge-once', 'declines', 'screens', 'order']);
  });

  it("the notification system's what-ifs are all run; sending again every hour while the phone is off fails its run, opened at the day's first step", () => {
    const a = referenceAnswers(notificationSystem);
    a.whatIfs['phone-offline'] = 'resend';
    const c = card(scorecardOf(notificationSystem, a, notificationSystem.whatIfs));
    for (const w of c.whatIfs) expect(w.notRun, w.whatIf.id).toBeNull();
    const off = c.whatIfs.find((w) => w.whatIf.id === 'phone-offline')!;
    expect(off.choice?.correct).toBe(false);
    expect(off.run).toMatchObject({ pass: false, openAt: 7 });
    expect(off.run?.feedback).toMatch(/^Sent \(and paid for\) 3 times: /);
    expect(off.run?.played?.steps[7]?.action).toMatchObject({ kind: 'command', command: 'SendSms' });
  });

  it("the payments wallet's what-ifs are all run; trusting Ada not to tap Pay twice fails its run, which is offered to open at her payment", () => {
    const a = referenceAnswers(paymentsWallet);
    a.whatIfs['phone-offline'] = 'trust-user';
    const c = card(scorecardOf(paymentsWallet, a, paymentsWallet.whatIfs));
    for (const w of c.whatIfs) expect(w.notRun, w.whatIf.id).toBeNull();
    const off = c.whatIfs.find((w) => w.whatIf.id === 'phone-offline')!;
    expect(off.choice?.correct).toBe(false);
    expect(off.run).toMatchObject({
      pass: false,
      openAt: 10,
      feedback: 'Paid twice: 2 MerchantPaid for paymentId p-3 by the end of the run.',
    });
    expect(off.run?.played?.steps[9]?.title).toBe('Ada pays the bakery 10 from her phone');
    expect(c.study).toEqual([off.run!.study]);
  });

  it('an own event name is carried into the runs: the run counts the renamed event', () => {
    const a = referenceAnswers(rideSharing);
    a.questions['name-captured'] = { ownName: 'FareCollected' };
    const c = card(scorecardOf(rideSharing, a, whatIfs));
    expect(c.grade.runs.find((r) => r.id === 'duplicate-payments')?.feedback).toBe(
      'Charged once: one FareCollected for rideId 42.',
    );
  });

  it("a wrong strategy that leaves the design as it is: its run passes, the what-if is still not credited and sends the learner to the run's lesson", () => {
    const a = referenceAnswers(rideSharing);
    a.whatIfs['phone-offline'] = 'wait';
    const c = card(scorecardOf(rideSharing, a, whatIfs));
    const off = c.whatIfs.find((w) => w.whatIf.id === 'phone-offline')!;
    expect(off.choice?.correct).toBe(false);
    expect(off.run?.pass).toBe(true);
    expect(c.score).toEqual({ passed: 16, total: 17 });
    expect(c.study).toEqual([off.run!.study]);
  });

  it('a broker that fails a requirement: the broker point fails naming the requirement and the reason, with a study link to Pick the broker', () => {
    const a = referenceAnswers(rideSharing);
    a.questions.broker = { choice: 'eventbridge' };
    const c = card(scorecardOf(rideSharing, a, whatIfs));
    const point = c.grade.rubric.find((p) => p.id === 'broker')!;
    expect(point.pass).toBe(false);
    expect(point.feedback).toMatch(/^Amazon EventBridge does not meet “Order per key, keys in parallel”\./);
    expect(point.feedback).toContain('Order per key, keys in parallel: ');
    expect(c.study).toContainEqual(expect.objectContaining({ page: 'pick-a-broker' }));
    expect(c.score).toEqual({ passed: 16, total: 17 });
  });
});
