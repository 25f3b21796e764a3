/** The food-delivery prompt: its reference design (`food-delivery.json`) and the words of its dispatch questions. */
import type { ScenarioDef } from '../../schema';
import type { InterviewPrompt } from '../prompt';
import { dispatchPrompt } from './dispatchPrompt';
import doc from './food-delivery.json';

export const foodDelivery: InterviewPrompt = dispatchPrompt({
  id: 'food-delivery',
  // 2: a refusal answer is no longer undone by a what-if's repeat (patches.ts applies refusals last).
  version: 2,
  title: 'Food delivery',
  brief:
    'Design the events behind a food-delivery app: a customer orders from a restaurant, nearby couriers are offered the delivery and one accepts, the order is billed once delivered and the customer is charged.',
  reference: doc as unknown as ScenarioDef,
  entity: 'order',
  role: 'courier',
  customer: 'customer',
  trip: 'delivery',
  trips: 'deliveries',
  aggregate: 'Order',
  accept: 'AcceptDelivery',
  accepted: 'CourierAssigned',
  acceptedState: 'assigned',
  lastWins: 'replaces',
  matching: 'dispatch',
  charge: 'ChargeOrder',
  priced: 'BillCalculated',
  amount: 'bill',
  amountField: 'total',
  screen: 'order tracking',
  projection: 'order-tracking',
  notified: 'CustomerNotified',
  keptInOrder: "each order's events in sequence",
  brokersBecause:
    'Every fact about an order is published once; dispatch, billing, payments and notifications each read it, and a consumer whose deploy had a bug must read its events again, up to a week back.',
});
