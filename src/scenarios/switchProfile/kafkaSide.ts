/**
 * The Kafka original, step by step, as the switched run compares itself with it: the step's effect kinds and
 * what each member processed (body as `bodyOf` writes it). Run through the same stepper as the player, with no
 * learner inputs, so it is the story the learner just left.
 */
import { recordsOf } from '../../engine/broker/log';
import type { ScenarioDef } from '../schema';
import { Stepper } from '../stepper';

export interface KafkaStep {
  /** The kinds of the step's effects, in order. */
  readonly kinds: readonly string[];
  /** "member: body" for each record a member processed (an idempotent skip included: it was handed it). */
  readonly processed: readonly string[];
  /** Whether a member crashed in the step with its session timeout folded in (Kafka's wait for a dead member). */
  readonly sessionTimedOut: boolean;
}

export function kafkaSteps(s: ScenarioDef): KafkaStep[] {
  const st = new Stepper(s, []);
  const out: KafkaStep[] = [];
  for (let k = 1; k <= s.steps.length; k++) {
    const { world, effects } = st.at(k);
    const processed: string[] = [];
    for (const e of effects) {
      if (e.kind !== 'record-processed') continue;
      const r = recordsOf(world.broker, e.topic, e.partition).find((x) => x.offset === e.offset);
      const v = r?.value as { eventType?: string } | null | undefined;
      processed.push(`${e.memberId}: ${`${v?.eventType ?? ''} ${r?.key ?? ''}`.trim()}`);
    }
    out.push({
      kinds: effects.map((e) => e.kind),
      processed,
      sessionTimedOut: effects.some((e) => e.kind === 'member-crashed'),
    });
  }
  return out;
}
