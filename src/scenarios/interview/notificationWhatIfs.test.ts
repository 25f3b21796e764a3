/**
 * The notification system's "phone switched off for a day" what-if, run: on the reference design the day's
 * resends are refused (one SmsSent, Ada's inbox says sent); on the design of "send it again every hour" each
 * resend is accepted and paid for; the run says what it does not play (the phone network holding the SMS).
 */
import { describe, expect, it } from 'vitest';
import { designOf, referenceAnswers } from './answers';
import { applyPatches } from './patches';
import { notificationSystem } from './prompts/notificationSystem';
import { runCheck } from './runs/runChecks';

const whatIf = notificationSystem.whatIfs.find((w) => w.id === 'phone-offline')!;
const run = () => {
  if (!('run' in whatIf.check)) throw new Error('phone-offline is not run');
  return whatIf.check.run;
};

describe("notification system: Ada's phone is switched off for a day", () => {
  it('the reference refuses the resends: sent and paid for once, and the inbox says sent', () => {
    const r = runCheck(notificationSystem.reference, run());
    expect(r.pass, r.feedback).toBe(true);
    expect(r.feedback).toBe(
      'Sent (and paid for) once: one SmsSent for notificationId n-1. Ada\'s inbox row shows status "sent by SMS".',
    );
    // Opened right after the hour passes, the resend next; the script's own steps follow the day.
    expect(r.openAt).toBe(7);
    const steps = r.played!.steps;
    expect(steps.map((s) => s.action.kind).slice(6, 11)).toEqual([
      'advance-time',
      'command',
      'poll',
      'advance-time',
      'command',
    ]);
    expect(steps[7]!.action).toMatchObject({ kind: 'command', command: 'SendSms', id: 'n-1' });
    expect(steps.length).toBe(notificationSystem.reference.steps.length + 5);
  });

  it('says what it does not play: the phone network holding the SMS', () => {
    expect(run().title).toMatch(/\(the network holding the SMS is not simulated\)$/);
    expect(run().insert!.steps[0]!.narration).toContain('the simulator has no phone network beyond the provider');
  });

  it('"send it again every hour" builds a Delivery that accepts each resend: paid for three times', () => {
    const a = referenceAnswers(notificationSystem, [whatIf]);
    a.whatIfs['phone-offline'] = 'resend';
    const r = runCheck(designOf(notificationSystem, a).design, run());
    expect(r.pass).toBe(false);
    expect(r.feedback).toBe(
      'Sent (and paid for) 3 times: 3 SmsSent for notificationId n-1 by the end of the run. Ada\'s inbox row shows status "sent by SMS".',
    );
  });

  it('an inbox that ignores SmsSent fails the run: Ada is not shown that it was sent', () => {
    const design = applyPatches(notificationSystem.reference, [
      { op: 'drop-handler', projection: 'inbox', eventType: 'SmsSent' },
    ]);
    const r = runCheck(design, run());
    expect(r.pass).toBe(false);
    expect(r.feedback).toContain(
      'Ada\'s inbox row shows status "SMS failed: check your phone number", not "sent by SMS".',
    );
  });
});
