import { useMemo } from 'react';
import type { BrokerState } from '../../engine/broker';
import type { EbEffect, EbState } from '../../engine/eventbridge';
import type { NatsEffect, NatsState } from '../../engine/nats';
import type { PubsubEffect, PubsubState } from '../../engine/pubsub';
import type { RabbitEffect, RabbitState } from '../../engine/rabbitmq';
import type { SqsEffect, SqsState } from '../../engine/sqs';
import type { Effect } from '../../engine/types';
import { EventbridgeDiagram } from './EventbridgeDiagram';
import { KafkaDiagram } from './KafkaDiagram';
import { NatsDiagram } from './NatsDiagram';
import { PubsubDiagram } from './PubsubDiagram';
import { RabbitmqDiagram } from './RabbitmqDiagram';
import { SqsDiagram } from './SqsDiagram';
import { ofKind } from './tally';

export const DIAGRAM_PROFILES = ['kafka', 'rabbitmq', 'nats', 'sqs', 'sqs-fifo', 'pubsub', 'eventbridge'] as const;

export const hasDiagram = (profile: string): boolean => (DIAGRAM_PROFILES as readonly string[]).includes(profile);

/**
 * The diagram of whichever profile `profile` names, for callers that hold a profile's state without its
 * type (the "Choosing a broker" runs, a switched scenario's frames): `state` must be that profile's engine
 * state. `effects` are the step's, `seen` every effect so far (SQS and Pub/Sub keep no list of consumers).
 * Nothing for a profile without a diagram here.
 */
export function BrokerProfileDiagram(props: {
  profile: string;
  state: unknown;
  effects: readonly unknown[];
  seen?: readonly unknown[];
  name?: string;
}) {
  const { profile, state, effects, seen, name } = props;
  const prefix = profile.startsWith('sqs') ? 'sqs' : profile;
  const mine = useMemo(() => pick(prefix, effects), [prefix, effects]);
  const mineSeen = useMemo(() => (seen ? pick(prefix, seen) : undefined), [prefix, seen]);
  if (!hasDiagram(profile) || state === null || typeof state !== 'object') return null;
  switch (prefix) {
    case 'kafka':
      return <KafkaDiagram state={state as BrokerState} effects={mine as Effect[]} name={name} />;
    case 'rabbitmq':
      return <RabbitmqDiagram state={state as RabbitState} effects={mine as RabbitEffect[]} name={name} />;
    case 'nats':
      return <NatsDiagram state={state as NatsState} effects={mine as NatsEffect[]} name={name} />;
    case 'sqs':
      return (
        <SqsDiagram
          state={state as SqsState}
          effects={mine as SqsEffect[]}
          seen={mineSeen as SqsEffect[] | undefined}
          name={name}
        />
      );
    case 'pubsub':
      return (
        <PubsubDiagram
          state={state as PubsubState}
          effects={mine as PubsubEffect[]}
          seen={mineSeen as PubsubEffect[] | undefined}
          name={name}
        />
      );
    case 'eventbridge':
      return <EventbridgeDiagram state={state as EbState} effects={mine as EbEffect[]} name={name} />;
    default:
      return null;
  }
}

/** The profile's own effects, in the order they happened (SNS's publish before the SQS sends it caused). */
const pick = (prefix: string, effects: readonly unknown[]) =>
  // Kafka's effects carry no common prefix; its run emits nothing else.
  prefix === 'kafka'
    ? [...effects]
    : prefix === 'sqs'
      ? effects.filter((e) => ofKind([e], 'sqs-').length + ofKind([e], 'sns-').length > 0)
      : ofKind(effects, `${prefix}-`);
