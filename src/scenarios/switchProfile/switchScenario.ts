/** Switching a built-in onto a target profile: judged, translated, run, with its notes. */
import type { ScenarioDef } from '../schema';
import type { AdapterFactory } from './adapter';
import { eventbridgeAdapter } from './eventbridge';
import { judge } from './judge';
import { natsAdapter } from './nats';
import { notesFor } from './notes';
import { pubsubAdapter } from './pubsub';
import { rabbitmqAdapter } from './rabbitmq';
import { play } from './run';
import { sqsAdapter } from './sqs';
import type { SwitchResult, TargetProfile } from './types';

export const TARGETS: readonly { id: TargetProfile; name: string; adapter: AdapterFactory }[] = [
  { id: 'rabbitmq', name: 'RabbitMQ', adapter: rabbitmqAdapter },
  { id: 'nats', name: 'NATS JetStream', adapter: natsAdapter },
  { id: 'sqs', name: 'Amazon SNS + SQS', adapter: sqsAdapter },
  { id: 'pubsub', name: 'Google Cloud Pub/Sub', adapter: pubsubAdapter },
  { id: 'eventbridge', name: 'Amazon EventBridge', adapter: eventbridgeAdapter },
];

export const isTarget = (x: string): x is TargetProfile => TARGETS.some((t) => t.id === x);

export function switchScenario(s: ScenarioDef, profile: TargetProfile): SwitchResult {
  const target = TARGETS.find((t) => t.id === profile)!;
  const adapter = target.adapter(s);
  const j = judge(s, target.name);
  const base = {
    scenarioId: s.id,
    profile,
    profileName: adapter.name,
    meaningful: j.meaningful,
    verdict: j.verdict,
    notes: notesFor(s, profile),
  };
  if (!j.meaningful) return { ...base, mapping: [], untranslated: [], frames: [] };
  const played = play(s, adapter);
  const n = s.steps.length;
  const u = played.untranslated.length;
  // The verdict counts what actually carried over, not what looked like a broker step.
  const verdict =
    u === 0
      ? `All ${n} steps carry over to ${target.name}.`
      : `${n - u} of its ${n} steps carry over to ${target.name}; the ${u} that cannot are listed with the reason.`;
  return { ...base, verdict, mapping: played.mapping, untranslated: played.untranslated, frames: played.frames };
}
