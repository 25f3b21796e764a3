/**
 * A mock-interview prompt: the interviewer's question, its reference design (a scenario document),
 * the grading key, and the stages' questions. Every answer is a choice whose `patches` change the
 * reference design (a right answer changes nothing), so the staged answers build a real design.
 */
import { nextInt, seedRng } from '../../engine/sim/random';
import type { Requirement as BrokerRequirement } from '../brokerChoice/exercise';
import type { ScenarioDef } from '../schema';
import type { DesignPatch } from './patches';
import type { DesignPointId, GradingKey, RunSpec } from './types';

export type StageId = 'clarify' | 'events' | 'topics' | 'consumers' | 'what-ifs';

export interface Choice {
  id: string;
  text: string;
  correct: boolean;
  /** Why it is right or wrong, shown once answered. */
  why: string;
  /** What choosing it does to the design (nothing for a right answer). */
  patches?: DesignPatch[];
}

export interface Question {
  id: string;
  stage: Exclude<StageId, 'clarify' | 'what-ifs'>;
  prompt: string;
  choices: Choice[];
  /** An event's slot: the learner may type their own name for this reference event instead. */
  ownName?: { event: string };
}

/** A multiple-pick question: every right choice left out applies its `ifLeftOut` patches. */
export interface PickQuestion {
  id: string;
  stage: 'consumers';
  prompt: string;
  choices: (Choice & { ifLeftOut?: DesignPatch[] })[];
}

/** A clarifying question the learner may ask in the clarify stage. */
export interface Requirement {
  id: string;
  text: string;
  /** Worth asking; one that is not is listed as "not needed" when asked (informational, never scored). */
  relevant: boolean;
  why: string;
  /**
   * The rubric point whose part of the design its answer decides (the race's aggregate, the deduplication, the
   * failure's path, a screen's read model, the key): an essential question, scored by the point "Asked what changes
   * the design" (`clarify.ts`). A relevant question without it stays informational.
   */
  decides?: DesignPointId;
}

export interface WhatIf {
  id: string;
  prompt: string;
  choices: Choice[];
  /** The run that checks the answer on the design as it stands with it, or why the simulator cannot. */
  check: { run: RunSpec } | { notRun: string };
}

/** What the prompt asks of its broker: requirements of the broker exercise's verdict table, by reference. */
export interface BrokerNeeds {
  /** Why the design needs them, in one sentence of the prompt's own story. */
  because: string;
  requirements: readonly BrokerRequirement[];
}

export interface InterviewPrompt {
  id: string;
  /**
   * Raised whenever a change to the prompt changes the design an answer builds, or its grading (the
   * reference, a choice's patches, the key): a saved scorecard rebuilds its design from its answers only
   * on the version it was graded on (`reopen.ts`).
   */
  version: number;
  title: string;
  /** What the interviewer asks, in one or two sentences. */
  brief: string;
  reference: ScenarioDef;
  key: GradingKey;
  requirements: Requirement[];
  questions: Question[];
  picks: PickQuestion[];
  whatIfs: WhatIf[];
  /** The broker pick of the topics stage (`broker.ts`: its question and scorecard point). */
  brokers?: BrokerNeeds;
}

/** `count` distinct what-ifs drawn with a seeded generator (the same seed, the same draw). */
export function drawWhatIfs(prompt: InterviewPrompt, seed: number, count: number): WhatIf[] {
  const pool = [...prompt.whatIfs];
  const out: WhatIf[] = [];
  let rng = seedRng(seed);
  while (out.length < count && pool.length > 0) {
    const [i, next] = nextInt(rng, pool.length);
    rng = next;
    out.push(pool.splice(i, 1)[0]!);
  }
  return out;
}
