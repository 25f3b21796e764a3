/**
 * The interviewer's "New Year's Eve brings ten times the load" what-if, the same in every prompt but for
 * the names: scale a group out up to its topic's partitions and keep the keys (the run adds a member
 * before the work and the work still happens once), or drop the keys (a real change: the topic unkeyed).
 */
import type { WhatIf } from '../prompt';
import type { RunSpec } from '../types';

export interface NewYearsEve {
  /** The rush, in words ("New Year's Eve brings 10× the usual rides"). */
  rush: string;
  /** The groups scaled out ("each consumer group"). */
  groups: string;
  /** The key and what it keeps in sequence ("the ride-id key keeps each ride in order"). */
  keeps: string;
  /** What unkeyed records let happen ("one ride's events can be read out of order"). */
  disorder: string;
  /** The topic the wrong answer unkeys. */
  topic: string;
  /** A member added before the work, which still happens once. */
  run: RunSpec;
}

export function newYearsEveWhatIf(n: NewYearsEve): WhatIf {
  return {
    id: 'new-years-eve',
    prompt: `${n.rush}. What do you change?`,
    choices: [
      {
        id: 'scale-consumers',
        text: `Add members to ${n.groups}, up to the number of partitions; ${n.keeps}`,
        correct: true,
        why: 'Partitions are the unit of parallelism; the key keeps order where it matters.',
      },
      {
        id: 'drop-keys',
        text: 'Drop the keys so the load spreads evenly',
        correct: false,
        why: `Even load, but ${n.disorder}.`,
        patches: [{ op: 'unkey-topic', topic: n.topic }],
      },
    ],
    check: { run: n.run },
  };
}
