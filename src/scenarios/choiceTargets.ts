/**
 * A prediction answered on the diagram names the element a choice stands for; this checks that the
 * element exists at that step of the script (called from `referenceIssues`, with its helpers).
 */
import type { ChoiceTargetDef } from './schema';

export interface TargetChecks {
  topic(name: string, path: string): void;
  partition(topic: string, partition: number, path: string): void;
  group(id: string, path: string): void;
  member(group: string, member: string, path: string): void;
  readModel(name: string, path: string): void;
}

/** Which kind of element a target names (the schema tells them apart by their fields). */
export type TargetKind = 'partition' | 'offset' | 'member' | 'row';

export function targetKind(t: ChoiceTargetDef): TargetKind {
  if ('readModel' in t) return 'row';
  if ('group' in t) return 'member';
  return 'offset' in t ? 'offset' : 'partition';
}

export function checkChoiceTarget(t: ChoiceTargetDef, path: string, c: TargetChecks): void {
  if ('readModel' in t) c.readModel(t.readModel, `${path}.readModel`);
  else if ('group' in t) {
    c.group(t.group, `${path}.group`);
    c.member(t.group, t.member, `${path}.member`);
  } else {
    c.topic(t.topic, `${path}.topic`);
    c.partition(t.topic, t.partition, `${path}.partition`);
  }
}
