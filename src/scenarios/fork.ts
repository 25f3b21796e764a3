/**
 * Fork: a run, up to its current step, becomes a new scenario of the learner's own. Script steps
 * are kept as they are; the learner's actions become script steps of the same meaning, so the fork
 * replays to the same world.
 */
import type { LearnerInput } from '../engine/types';
import { learnerStream } from './actions';
import { describeFault } from './faults/describe';
import type { ScenarioDef, StepDef } from './schema';
import { buildTimeline } from './timeline';

export const LEARNER_PRODUCER = { id: 'learner', label: 'You (learner)' } as const;

function inputToStep(input: LearnerInput): StepDef | null {
  const note = (title: string) => ({
    title,
    narration: `${title}. (This step was a learner action in the run this scenario was forked from.)`,
  });
  switch (input.kind) {
    case 'produce':
      return {
        ...note(`Produce ${input.key === null ? 'a keyless record' : `key "${input.key}"`} to ${input.topic}`),
        action: {
          kind: 'publish',
          producer: input.producerId ?? LEARNER_PRODUCER.id,
          topic: input.topic,
          event: {
            eventType: 'LearnerRecordProduced',
            streamId: learnerStream(input.key),
            key: input.key,
            data: { value: jsonValue(input.value) },
          },
        },
      };
    case 'add-consumer':
      return {
        ...note(`${input.memberId} joins ${input.groupId}`),
        action: { kind: 'join', group: input.groupId, member: input.memberId },
      };
    case 'remove-consumer':
      return {
        ...note(`${input.memberId} leaves ${input.groupId}`),
        action: { kind: 'leave', group: input.groupId, member: input.memberId },
      };
    case 'crash-consumer':
      return {
        ...note(`${input.memberId} crashes`),
        action: { kind: 'crash', group: input.groupId, member: input.memberId },
      };
    case 'add-partitions':
      return {
        ...note(`${input.topic} grows to ${input.count} partitions`),
        action: { kind: 'add-partitions', topic: input.topic, count: input.count },
      };
    case 'reset-group':
      return {
        ...note(`Reset ${input.groupId}'s offsets on ${input.topic}`),
        action: { kind: 'reset-offsets', group: input.groupId, topic: input.topic, to: input.to },
      };
    case 'answer':
      return null;
    // A broker's crash and restart are steps of the format too (replicated topics), so they travel as such.
    case 'kill-broker':
      return { ...note(`Broker ${input.broker} crashes`), action: { kind: 'crash-broker', broker: input.broker } };
    case 'restart-broker':
      return { ...note(`Broker ${input.broker} restarts`), action: { kind: 'restart-broker', broker: input.broker } };
    default:
      // A fault changes how later steps run (faults/): the format has no step for that, so the fork
      // keeps a note in its place and says that from here it can differ from the run it came from.
      return {
        title: `Fault: ${describeFault(input)}`,
        narration: `In the run this scenario was forked from, the learner injected a fault here (${describeFault(input)}). A scenario cannot express faults as steps, so this fork goes on without it: from here its story can differ from that run.`,
        action: { kind: 'note' },
      };
  }
}

const jsonValue = (v: unknown): string | number | boolean | null =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string) : JSON.stringify(v);

export function forkScenario(
  scenario: ScenarioDef,
  inputs: readonly LearnerInput[],
  step: number,
  fork: { id: string; title: string },
): ScenarioDef {
  const entries = buildTimeline(scenario, inputs).slice(0, step);
  let leftScript = false;
  const steps: StepDef[] = [];
  for (const e of entries) {
    if (e.kind === 'input') {
      leftScript = true;
      const s = inputToStep(e.input);
      if (s) steps.push(s);
    } else {
      // Expectations after a learner action may no longer hold: the world took another path.
      const { expect: checks, ...rest } = e.step;
      steps.push(leftScript || !checks ? rest : { ...rest, expect: checks });
    }
  }
  if (steps.length === 0)
    steps.push({
      title: 'Your design starts here',
      narration: 'Add steps to this scenario in the editor.',
      action: { kind: 'note' },
    });
  const needsLearner =
    steps.some((s) => s.action.kind === 'publish' && s.action.producer === LEARNER_PRODUCER.id) &&
    !scenario.topology.producers.some((p) => p.id === LEARNER_PRODUCER.id);
  const { order: _order, ...rest } = scenario;
  return {
    ...rest,
    id: fork.id,
    title: fork.title,
    topology: needsLearner
      ? { ...scenario.topology, producers: [...scenario.topology.producers, { ...LEARNER_PRODUCER }] }
      : scenario.topology,
    steps,
  };
}
