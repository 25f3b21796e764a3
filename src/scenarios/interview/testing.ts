/** Test support: a prompt's design with some changes, graded (throws if it does not validate). */
import { gradeDesign, resolveKey } from './grade';
import { applyPatches, namesOf, type DesignPatch } from './patches';
import type { InterviewPrompt } from './prompt';
import type { Grade } from './types';

export function gradeWith(prompt: InterviewPrompt, patches: DesignPatch[]): Grade {
  const r = gradeDesign(applyPatches(prompt.reference, patches), resolveKey(prompt.key, namesOf(patches)));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.grade;
}

export const failing = (g: Grade) => ({
  rubric: g.rubric.filter((p) => !p.pass).map((p) => p.id),
  runs: g.runs.filter((r) => !r.pass).map((r) => r.id),
});

/** The deliberately poor design: present-tense events, no keys, a payments consumer that charges every delivery. */
export const POOR: DesignPatch[] = [
  { op: 'rename-event', from: 'RideAccepted', to: 'DriverAcceptsRide' },
  { op: 'rename-event', from: 'PaymentCaptured', to: 'PaymentSucceeds' },
  { op: 'unkey-topic', topic: 'rides' },
  { op: 'not-idempotent', group: 'payments' },
];
