/**
 * The learner's inputs as data that arrives from outside the running app (a share link; a stored
 * run record): validated with the same discipline as an imported scenario. The type itself is the
 * engine's `LearnerInput`; this schema is the one place its stored/shared form is checked.
 */
import type { LearnerInput } from '../engine/types';
import { Id } from './format/id';
import { z } from './zod';

/** Steps are bounded well past any real run, so a number can never be used to hang the stepper. */
export const MAX_STEP = 1_000_000;
const Step = z.number().int().min(0).max(MAX_STEP);
const Offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Answer = z.union([z.string().max(4000), z.array(z.string().max(4000)).max(50)]);
/** How many steps a pause or a slow projection lasts. */
const FaultSteps = z.number().int().min(1).max(1000);
/** A fault's time (processing, lag): up to a day of simulated time. */
const FaultMs = z.number().int().min(1).max(86_400_000);
/** A broker of a replicated scenario: numbered from 1, as the format numbers them. */
const BrokerId = z.number().int().min(1).max(100);
/** A produced value: what the learner typed (text), or a small JSON value from an older link. */
const Value = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);

export const LearnerInputSchema: z.ZodType<LearnerInput> = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('produce'),
    atStep: Step,
    topic: Id,
    key: z.string().max(200).nullable(),
    value: Value,
    producerId: Id.optional(),
  }),
  z.strictObject({ kind: z.literal('add-consumer'), atStep: Step, groupId: Id, memberId: Id }),
  z.strictObject({ kind: z.literal('remove-consumer'), atStep: Step, groupId: Id, memberId: Id }),
  z.strictObject({ kind: z.literal('crash-consumer'), atStep: Step, groupId: Id, memberId: Id }),
  z.strictObject({
    kind: z.literal('add-partitions'),
    atStep: Step,
    topic: Id,
    count: z.number().int().min(1).max(64),
  }),
  z.strictObject({
    kind: z.literal('reset-group'),
    atStep: Step,
    groupId: Id,
    topic: Id,
    to: z.union([
      z.enum(['earliest', 'latest']),
      z.strictObject({ offset: Offset }),
      z.strictObject({ timestamp: Offset }),
    ]),
  }),
  z.strictObject({ kind: z.literal('answer'), atStep: Step, questionId: z.string().min(1).max(200), answer: Answer }),
  // Faults (faults/): durations are bounded so a stored or shared input can never stall the stepper.
  z.strictObject({ kind: z.literal('crash-consumer-before-commit'), atStep: Step, groupId: Id, memberId: Id }),
  z.strictObject({ kind: z.literal('pause-consumer'), atStep: Step, groupId: Id, memberId: Id, steps: FaultSteps }),
  z.strictObject({ kind: z.literal('slow-consumer'), atStep: Step, groupId: Id, memberId: Id, processingMs: FaultMs }),
  z.strictObject({ kind: z.literal('poison-message'), atStep: Step, topic: Id, key: z.string().max(200).nullable() }),
  z.strictObject({ kind: z.literal('duplicate-delivery'), atStep: Step, groupId: Id, memberId: Id }),
  z.strictObject({ kind: z.literal('drop-producer-connection'), atStep: Step, producerId: Id }),
  z.strictObject({
    kind: z.literal('slow-projection'),
    atStep: Step,
    projection: Id,
    lagMs: FaultMs,
    steps: FaultSteps,
  }),
  z.strictObject({ kind: z.literal('kill-broker'), atStep: Step, broker: BrokerId }),
  z.strictObject({ kind: z.literal('restart-broker'), atStep: Step, broker: BrokerId }),
]) as z.ZodType<LearnerInput>;

/** At most this many inputs in one run (a learner clicking for hours stays far below it). */
export const MAX_INPUTS = 10_000;
export const LearnerInputsSchema = z.array(LearnerInputSchema).max(MAX_INPUTS);
