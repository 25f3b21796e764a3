/** Switching a built-in onto a target profile: judged, translated, run, with its notes. */
import type { ScenarioDef } from '../schema';
import type { AdapterFactory } from './adapter';
import { eventbridgeAdapter } from './eventbridge';
import { judge } from './judge';
import { kafkaSteps } from './kafkaSide';
import { natsAdapter } from './nats';
import { notesFor } from './notes';
import { pubsubAdapter } from './pubsub';
import { rabbitmqAdapter } from './rabbitmq';
import { play } from './run';
import { sqsAdapter } from './sqs';
import type { Frame, SwitchResult, TargetProfile } from './types';

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
  const played = play(s, adapter, kafkaSteps(s));
  const verdict = verdictOf(played.frames.slice(1), played.untranslated.length, target.name);
  return { ...base, verdict, mapping: played.mapping, untranslated: played.untranslated, frames: played.frames };
}

const steps = (n: number) => `${n} step${n === 1 ? '' : 's'}`;

/**
 * Counts as carried over only the steps whose outcome means the same as on Kafka (`compare.ts`): a step that
 * ran but came out otherwise is counted apart, and each says how on the page.
 */
function verdictOf(frames: readonly Frame[], untranslated: number, broker: string): string {
  const n = frames.length;
  const same = frames.filter((f) => f.translated !== null && f.differences.length === 0).length;
  if (same === n) return `All ${n} steps carry over to ${broker} with the same outcome.`;
  const parts = [`${same} of its ${n} steps carry over to ${broker} with the same outcome`];
  const other = n - same - untranslated;
  if (other > 0)
    parts.push(
      `${steps(other)} ${other === 1 ? 'runs' : 'run'} but ${other === 1 ? 'comes' : 'come'} out otherwise (the step says how)`,
    );
  if (untranslated > 0) parts.push(`${steps(untranslated)} cannot be translated (listed with the reason)`);
  return `${parts.join('; ')}.`;
}
