/** Shapes and helpers shared by the assignors. */
import type { TopicPartition } from '../types';
import { byTopicPartition } from './brokerState';

export interface AssignorMember {
  memberId: string;
  topics: string[];
  owned?: TopicPartition[];
}

export interface AssignorInput {
  members: AssignorMember[];
  partitionsPerTopic: Record<string, number>;
}

export type Assignment = Record<string, TopicPartition[]>;
export type Assignor = (input: AssignorInput) => Assignment;

export const byMemberId = (a: { memberId: string }, b: { memberId: string }): number =>
  a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;

export const partitionsOf = (input: AssignorInput, topic: string): number =>
  Object.prototype.hasOwnProperty.call(input.partitionsPerTopic, topic) ? input.partitionsPerTopic[topic]! : 0;

export function emptyAssignment(members: readonly AssignorMember[]): Assignment {
  const out: Assignment = {};
  for (const m of members) out[m.memberId] = [];
  return out;
}

export function sortAssignment(assignment: Assignment): Assignment {
  for (const id of Object.keys(assignment)) assignment[id]!.sort(byTopicPartition);
  return assignment;
}

/** Every topic some member subscribes to, sorted. */
export const subscribedTopics = (members: readonly AssignorMember[]): string[] =>
  [...new Set(members.flatMap((m) => m.topics))].sort();
