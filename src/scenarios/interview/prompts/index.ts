/** Every mock-interview prompt, in the order the picker lists them. */
import type { InterviewPrompt } from '../prompt';
import { foodDelivery } from './foodDelivery';
import { notificationSystem } from './notificationSystem';
import { paymentsWallet } from './paymentsWallet';
import { rideSharing } from './rideSharing';

export const PROMPTS: readonly InterviewPrompt[] = [rideSharing, foodDelivery, paymentsWallet, notificationSystem];

export const findPrompt = (id: string): InterviewPrompt | undefined => PROMPTS.find((p) => p.id === id);
