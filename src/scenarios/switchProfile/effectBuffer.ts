/** Holds one profile's state and the effects its `apply()` returned since the runner last drained them. */
export class EffectBuffer<S, R, E extends { kind: string; reason: string }> {
  private buffered: E[] = [];

  constructor(
    public s: S,
    private readonly applyFn: (s: S, r: R, now: number) => { state: S; effects: E[] },
  ) {}

  do(r: R, now: number): E[] {
    const step = this.applyFn(this.s, r, now);
    this.s = step.state;
    this.buffered.push(...step.effects);
    return step.effects;
  }

  drain(): E[] {
    const out = this.buffered;
    this.buffered = [];
    return out;
  }
}
