/**
 * The payment-failure point speaks the prompt's own words: a notification system fails an SMS and sends it
 * again, a wallet declines a top-up and charges the card again; only the marketplaces charge a fare or a bill.
 */
import { describe, expect, it } from 'vitest';
import { gradeAnswers, referenceAnswers } from '../answers';
import { findPrompt } from '../prompts';

function paymentPoint(promptId: string, declines?: string) {
  const prompt = findPrompt(promptId)!;
  const a = referenceAnswers(prompt);
  const q = prompt.questions.find((x) => x.choices.some((c) => c.patches?.some((p) => p.op === 'refuse-in')))!;
  if (declines) a.questions[q.id] = { choice: declines };
  const { result } = gradeAnswers(prompt, a);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.grade.rubric.find((p) => p.id === 'payment-failure')!;
}

describe('the payment-failure point in each prompt', () => {
  it('notification system: a failed SMS sent again, never a charge', () => {
    const pass = paymentPoint('notification-system');
    expect(pass).toMatchObject({ pass: true, title: 'A failed SMS is handled' });
    expect(pass.feedback).toBe(
      'SmsFailed leaves the Delivery "failed", which still accepts SendSms, so the Sender service can send the SMS again once the cause is fixed.',
    );
    const fail = paymentPoint('notification-system', 'log');
    expect(fail.pass).toBe(false);
    expect(fail.feedback).toMatch(/the SMS is never sent\.$/);
    for (const p of [pass, fail]) expect(`${p.title} ${p.feedback}`).not.toMatch(/charge|fare|payment|declined/i);
  });

  it('payments wallet: a declined top-up charged again', () => {
    const pass = paymentPoint('payments-wallet');
    expect(pass).toMatchObject({ pass: true, title: 'A declined top-up is handled' });
    expect(pass.feedback).toMatch(/can charge the card again once the cause is fixed\.$/);
    const fail = paymentPoint('payments-wallet', 'log');
    expect(fail.feedback).toMatch(/the top-up never reaches the wallet\.$/);
    expect(fail.feedback).not.toMatch(/fare/);
  });

  it('food delivery: the bill, not a fare', () => {
    const fail = paymentPoint('food-delivery', 'log');
    expect(fail).toMatchObject({ pass: false, title: 'Payment failure is handled' });
    expect(fail.feedback).toMatch(/the bill is never paid\.$/);
  });
});
