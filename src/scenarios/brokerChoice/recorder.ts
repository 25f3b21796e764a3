/** Collects one beat's effects, deliveries and give-ups while an adapter runs it. */
import { BEATS, type Beat, type BeatId } from './story';
import type { Delivery, GaveUp, StepEffect, StepRecord } from './types';

export class BeatRecorder {
  readonly effects: StepEffect[] = [];
  readonly deliveries: Delivery[] = [];
  readonly gaveUp: GaveUp[] = [];
  /** The effects as the broker emitted them, for the column's diagram. */
  readonly raw: unknown[] = [];

  constructor(readonly beat: BeatId) {}

  /** Keeps each effect's kind and reason, nothing else: the reason is what learners read. */
  note(effects: readonly { kind: string; reason: string }[]): void {
    for (const e of effects) this.effects.push({ kind: e.kind, reason: e.reason });
    this.raw.push(...effects);
  }

  done(): StepRecord {
    return { beat: this.beat, effects: this.effects, deliveries: this.deliveries, gaveUp: this.gaveUp };
  }
}

/**
 * Plays every beat of the story on one adapter's run, each with a fresh recorder, and returns the steps
 * recorded (the run keeps its broker state from beat to beat).
 */
export function playStory<R extends { rec: BeatRecorder; s: unknown }>(
  run: R,
  beat: (run: R, b: Beat) => void,
): StepRecord[] {
  return BEATS.map((b) => {
    run.rec = new BeatRecorder(b.id);
    beat(run, b);
    return { ...run.rec.done(), broker: { state: run.s, effects: run.rec.raw } };
  });
}
