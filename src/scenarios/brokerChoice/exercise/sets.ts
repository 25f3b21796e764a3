/**
 * The requirement sets of the exercise: a short brief of a real kind of system and what it needs. The
 * requirements (and their cited verdicts on every broker) are shared between sets where they mean the
 * same thing; which broker fits best is derived from them (`grade.ts`), not written here.
 */
import {
  DEDUP_RETRIED_PUBLISH,
  ORDER_PER_KEY_PARALLEL,
  REPLAY_MONTHS,
  REPLAY_WEEK,
  THROUGHPUT_SCALE_OUT,
} from './reqLog';
import {
  LOAD_BALANCED_RESPONDERS,
  NO_RESPONDERS_FAST,
  NOTHING_TO_RUN,
  REQUEST_REPLY,
  ROUTE_TO_CLOUD_TARGETS,
  RUNS_AT_THE_EDGE,
  WILDCARD_SUBSCRIPTIONS,
} from './reqReach';
import {
  COMPETING_WORKERS,
  JOB_DEAD_LETTER,
  PER_MESSAGE_EXPIRY,
  POISON_SET_ASIDE,
  PRIORITIES,
  REDELIVERY_AFTER_CRASH,
} from './reqWork';
import type { RequirementSet } from './types';

export const REQUIREMENT_SETS: readonly RequirementSet[] = [
  {
    id: 'marketplace-history',
    title: 'A marketplace’s order history',
    brief:
      'A large marketplace publishes every order event once. Fraud detection, search and a data lake read them today; new teams join every quarter and must start from months of history. Each order’s events must be applied in order, and sales days bring hundreds of thousands of events per second.',
    requirements: [REPLAY_MONTHS, ORDER_PER_KEY_PARALLEL, THROUGHPUT_SCALE_OUT],
  },
  {
    id: 'image-jobs',
    title: 'An image-processing job queue',
    brief:
      'A photo service turns uploads into previews and print files. A pool of workers takes jobs; paying customers’ jobs go first; a preview nobody will wait for is worthless, so each job has its own deadline; and one corrupt file must not crash the workers forever.',
    requirements: [PRIORITIES, PER_MESSAGE_EXPIRY, COMPETING_WORKERS, JOB_DEAD_LETTER],
  },
  {
    id: 'serverless-signup',
    title: 'Serverless sign-up on AWS',
    brief:
      'A SaaS product built on AWS Lambda and Step Functions. When a customer signs up, one function sends the welcome email, a workflow provisions the account and the CRM gets an HTTP call; other teams add their own reactions by matching fields of the event. There are no servers to run, and a reaction that is down must not lose the event.',
    requirements: [NOTHING_TO_RUN, ROUTE_TO_CLOUD_TARGETS, POISON_SET_ASIDE],
  },
  {
    id: 'factory-edge',
    title: 'Messaging on the factory floor',
    brief:
      'Two thousand gateways on small ARM boxes, one per production line, with a flaky link to the plant’s servers. Each gateway publishes sensor readings under names like plant.line3.temp, local dashboards listen with wildcards, and the control service sends commands that the gateway must answer.',
    requirements: [RUNS_AT_THE_EDGE, REQUEST_REPLY, WILDCARD_SUBSCRIPTIONS],
  },
  {
    id: 'ledger-managed',
    title: 'Account ledgers on a managed cloud',
    brief:
      'A fintech team on AWS or Google Cloud, with nobody to operate brokers. Each account’s ledger events must be applied in the order they happened, many accounts at once; a producer that times out retries, and a retried event must not be booked twice.',
    requirements: [NOTHING_TO_RUN, ORDER_PER_KEY_PARALLEL, DEDUP_RETRIED_PUBLISH],
  },
  {
    id: 'quote-service',
    title: 'Price quotes between services',
    brief:
      'At checkout, the cart service asks the pricing service for a quote and waits up to two seconds. Several pricing instances share the load; during a deployment there may be none, and then checkout must fall back at once rather than hang.',
    requirements: [REQUEST_REPLY, LOAD_BALANCED_RESPONDERS, NO_RESPONDERS_FAST],
  },
  {
    id: 'notifications',
    title: 'Customer notifications that must not get stuck',
    brief:
      'A notification service turns order events into e-mails and push messages. The team wants nothing to operate; an event with a broken template must be parked for a developer after a few tries while the rest keep going; and a sender that crashes halfway must not silently drop what it was sending.',
    requirements: [NOTHING_TO_RUN, POISON_SET_ASIDE, REDELIVERY_AFTER_CRASH],
  },
  {
    id: 'read-models',
    title: 'Read models rebuilt from last week',
    brief:
      'A retail team on AWS or Google Cloud, with nobody to operate brokers, adds a read model (a search index, a loyalty view) every few sprints. Each new one starts by reading the last week of order events, each order’s events in the order they happened; an event it cannot parse is parked while the rest keep flowing.',
    requirements: [NOTHING_TO_RUN, REPLAY_WEEK, POISON_SET_ASIDE],
  },
];
