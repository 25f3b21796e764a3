/**
 * The step a phone-offline what-if's run adds: the phone is back online and its app sends a command it had
 * sent before, again. The failure lab has no learner input that sends a command, so the run adds it as a
 * script step (`RunSpec.insert`). Used by the late accept (`lateAcceptWhatIf.ts`) and the payments wallet's
 * payment tapped again (`paymentsWalletWhatIfs.ts`).
 */
import type { StepDef } from '../../schema';

export interface Resend {
  /** Whose phone ("Ada"). */
  who: string;
  /** The app that sends it, as the command's `issuedBy` ("Ada's wallet app"). */
  app: string;
  narration: string;
  aggregate: string;
  id: string;
  command: string;
  /** The command's data as the app sent it the first time: the same ids. */
  data: Record<string, string | number>;
}

export const reconnectStep = (r: Resend): StepDef => ({
  title: `${r.who}'s phone reconnects`,
  narration: r.narration,
  action: { kind: 'command', aggregate: r.aggregate, id: r.id, command: r.command, data: r.data, issuedBy: r.app },
});
