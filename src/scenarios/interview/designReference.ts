/**
 * The reference design a scenario was built from, found by its authored text: a design is a prompt's reference
 * with the learner's answers patched in (`patches.ts`), which change the system and never the intro or the
 * takeaways. The player loads this module (and the four reference documents) only for a scenario whose intro
 * is a reference's (`mayBeDesign`), so its run can say which steps played out otherwise (`designNarration.ts`).
 */
import type { ScenarioDef } from '../schema';
import foodDelivery from './prompts/food-delivery.json';
import notificationSystem from './prompts/notification-system.json';
import paymentsWallet from './prompts/payments-wallet.json';
import rideSharing from './prompts/ride-sharing.json';

const REFERENCES = [rideSharing, foodDelivery, paymentsWallet, notificationSystem] as unknown as ScenarioDef[];

export function referenceOf(s: ScenarioDef): ScenarioDef | null {
  const text = (x: ScenarioDef) => JSON.stringify([x.intro, x.takeaways]);
  return REFERENCES.find((r) => text(r) === text(s)) ?? null;
}
