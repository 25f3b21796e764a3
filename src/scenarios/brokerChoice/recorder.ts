/** Collects one beat's effects, deliveries and give-ups while an adapter runs it. */
import type { BeatId } from './story';
import type { Delivery, GaveUp, StepEffect, StepRecord } from './types';

export class BeatRecorder {
  readonly effects: StepEffect[] = [];
  readonly deliveries: Delivery[] = [];
  readonly gaveUp: GaveUp[] = [];

  constructor(readonly beat: BeatId) {}

  /** Keeps each effect's kind and reason, nothing else: the reason is what learners read. */
  note(effects: readonly { kind: string; reason: string }[]): void {
    for (const e of effects) this.effects.push({ kind: e.kind, reason: e.reason });
  }

  done(): StepRecord {
    return { beat: this.beat, effects: this.effects, deliveries: this.deliveries, gaveUp: this.gaveUp };
  }
}
