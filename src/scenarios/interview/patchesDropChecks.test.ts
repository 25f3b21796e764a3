import { describe, expect, it } from 'vitest';
import { applyPatches } from './patches';
import { paymentsWallet } from './prompts/paymentsWallet';

const payMerchant = (s: typeof paymentsWallet.reference) =>
  s.topology.aggregates!.find((a) => a.type === 'Wallet')!.commands.find((c) => c.command === 'PayMerchant')!;

describe('the drop-checks patch', () => {
  it("drops the command's checks and keeps its guard and message; the reference is left as it was", () => {
    const before = payMerchant(paymentsWallet.reference);
    expect(before.checks).toHaveLength(1);
    const changed = payMerchant(
      applyPatches(paymentsWallet.reference, [{ op: 'drop-checks', aggregate: 'Wallet', command: 'PayMerchant' }]),
    );
    expect(changed).not.toHaveProperty('checks');
    expect(changed.guard).toEqual(before.guard);
    expect(changed.rejectWith).toBe('PayMerchant is refused: the balance does not cover the amount');
    expect(payMerchant(paymentsWallet.reference).checks).toHaveLength(1);
  });

  it('changes nothing for a command or aggregate that is not there', () => {
    const s = applyPatches(paymentsWallet.reference, [{ op: 'drop-checks', aggregate: 'Wallet', command: 'Refund' }]);
    expect(s).toEqual(paymentsWallet.reference);
  });
});
