/**
 * The one story "Choosing a broker" plays on every profile, as data: who publishes what, when, and what
 * each service does with what it gets. Nothing here names a broker; the adapters map each beat onto
 * their broker's own idioms. Times are simulated milliseconds.
 */

export type EventType = 'OrderPlaced' | 'OrderPaid' | 'OrderShipped';
/** The three services subscribed from the start, and the one that arrives later. */
export const SERVICES = ['billing', 'shipping', 'analytics'] as const;
export const NEW_SERVICE = 'audit';
export type Service = (typeof SERVICES)[number] | typeof NEW_SERVICE;

export interface StoryEvent {
  /** e1, e2…: publish order across the whole story. */
  readonly id: string;
  readonly type: EventType;
  /** The order id: the key every broker uses for ordering where it has one. */
  readonly order: string;
  /** What learners read, and the message body where a broker carries text: "OrderPaid o-1". */
  readonly label: string;
  /** Billing cannot read this event's payload: it fails every time it tries. */
  readonly poison: boolean;
}

export type BeatId = 'setup' | 'orders' | 'slow' | 'crash' | 'poison' | 'replay' | 'spike' | 'drain';

export interface Beat {
  readonly id: BeatId;
  readonly title: string;
  /** What happens in the story, in words true on every broker. */
  readonly story: string;
  /** Simulated time the beat starts. */
  readonly at: number;
  readonly publish: readonly StoryEvent[];
}

const SECOND = 1000;
export const DAY = 86_400 * SECOND;
/** The new service asks for everything published in the last week. */
export const REPLAY_WINDOW_MS = 7 * DAY;
/** Analytics asks for more work 35 s into the event it is slow on, and finishes it at 45 s. */
export const SLOW_REPOLL_MS = 35 * SECOND;
export const SLOW_DONE_MS = 45 * SECOND;
/** Shipping comes back one minute after its crash. */
export const CRASH_RESTART_MS = 60 * SECOND;
/** Billing tries again every 31 s while a message keeps failing, up to this many rounds. */
export const POISON_ROUND_MS = 31 * SECOND;
export const POISON_ROUNDS = 6;
/** At most this many messages per service per request (SQS's ReceiveMessage maximum is 10; the others use the same). */
export const BATCH = 10;

let counter = 0;
const ev = (type: EventType, order: string, poison = false): StoryEvent => {
  counter += 1;
  return {
    id: `e${counter}`,
    type,
    order,
    label: `${type} ${order}${poison ? ' (unreadable payload)' : ''}`,
    poison,
  };
};

const spikeOrders = ['o-6', 'o-7', 'o-8', 'o-9', 'o-10'];
const types: EventType[] = ['OrderPlaced', 'OrderPaid', 'OrderShipped'];

export const BEATS: readonly Beat[] = [
  {
    id: 'setup',
    title: 'Set up',
    story: 'The order service will publish to billing, shipping and analytics; each broker is set up its own way.',
    at: 0,
    publish: [],
  },
  {
    id: 'orders',
    title: 'Orders placed and paid',
    story: 'Three orders are placed and paid; every service handles every event and acknowledges it.',
    at: 1 * SECOND,
    publish: [
      ev('OrderPlaced', 'o-1'),
      ev('OrderPlaced', 'o-2'),
      ev('OrderPaid', 'o-1'),
      ev('OrderPlaced', 'o-3'),
      ev('OrderPaid', 'o-2'),
      ev('OrderPaid', 'o-3'),
    ],
  },
  {
    id: 'slow',
    title: 'A slow consumer',
    story:
      'Three more events. Analytics is slow: it spends 45 s on the first event it gets, and takes on more work 35 s in, before it is done with that one. Billing and shipping keep up.',
    at: 60 * SECOND,
    publish: [ev('OrderShipped', 'o-1'), ev('OrderShipped', 'o-2'), ev('OrderShipped', 'o-3')],
  },
  {
    id: 'crash',
    title: 'A crash before the acknowledgement',
    story:
      'Two new orders. Shipping handles both, then crashes before it acknowledges or commits; it is back one minute later.',
    at: 180 * SECOND,
    publish: [ev('OrderPlaced', 'o-4'), ev('OrderPlaced', 'o-5')],
  },
  {
    id: 'poison',
    title: 'A poison message',
    story:
      'OrderPaid o-4 carries a payload billing cannot read: billing fails on it every time. Shipping and analytics handle it.',
    at: 360 * SECOND,
    publish: [ev('OrderPaid', 'o-4', true), ev('OrderPaid', 'o-5'), ev('OrderShipped', 'o-4')],
  },
  {
    id: 'replay',
    title: 'A new service wants last week’s events',
    story: 'Two days later a new audit service starts and asks for every order event of the past seven days.',
    at: 2 * DAY,
    publish: [],
  },
  {
    id: 'spike',
    title: 'A traffic spike',
    story: `A sale: ${spikeOrders.length * 3} events at once. A service that fetches its messages, or has a prefetch window, handles at most ${BATCH} in this step; a pushed invocation (EventBridge) handles each as it arrives.`,
    at: 2 * DAY + 60 * SECOND,
    publish: spikeOrders.flatMap((o) => types.map((t) => ev(t, o))),
  },
  {
    id: 'drain',
    title: 'The backlog drains',
    story: 'A minute later each service takes what is left.',
    at: 2 * DAY + 120 * SECOND,
    publish: [],
  },
];

export const ALL_EVENTS: readonly StoryEvent[] = BEATS.flatMap((b) => b.publish);
const byId = new Map(ALL_EVENTS.map((e) => [e.id, e]));
const byLabel = new Map(ALL_EVENTS.map((e) => [e.label, e]));

export function eventById(id: string): StoryEvent {
  const e = byId.get(id);
  if (!e) throw new Error(`no story event ${id}`);
  return e;
}

/** The story event a message body names (bodies are the events' labels). */
export function eventByLabel(label: string): StoryEvent {
  const e = byLabel.get(label);
  if (!e) throw new Error(`no story event labelled ${label}`);
  return e;
}

/** Whether `service` fails on `event`: only billing, only on the poison message. */
export const fails = (service: string, event: StoryEvent): boolean => event.poison && service === 'billing';

export const POISON: StoryEvent = ALL_EVENTS.find((e) => e.poison)!;
