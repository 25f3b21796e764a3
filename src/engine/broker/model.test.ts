/**
 * Model-based test: random sequences of produce / poll / commit / seek / reset / retention / join /
 * leave / crash against a deliberately simple reference model of one topic and one group.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBroker, tpKey, type BrokerState } from './brokerState';
import { createTopic } from './topic';
import { produce } from './producer';
import { joinGroup, leaveGroup, crashMember } from './group';
import { poll, seek } from './consumer';
import { commit, committedOffset, lagOf, assignmentOf, positionOf } from './offsets';
import { resetGroupOffsets } from './admin';
import { advanceTime } from './retention';
import { logEndOffset, logStartOffset, recordsOf } from './log';
import { deepFreeze, only } from './testing';

const P = 3;
const SEG = 4;
const RETENTION = 100;
const MEMBERS = ['c1', 'c2', 'c10', 'c3'];

interface Model {
  now: number;
  logs: { value: number; timestamp: number }[][]; // by partition, index = offset
  logStart: number[];
  members: string[];
  committed: Map<number, number>;
  positions: Map<number, number>; // partition → position of its current owner
  seq: number;
  /** generation → "partition@offset" → member */
  delivered: Map<number, Map<string, string>>;
}
interface Real {
  s: BrokerState;
}
type Cmd = fc.Command<Model, Real>;

const G = 'g';
const logEnd = (m: Model, p: number) => m.logs[p]!.length;

/** The range assignor for one topic, written out plainly. */
function rangeOwner(m: Model, p: number): string | undefined {
  const sorted = [...m.members].sort();
  if (sorted.length === 0) return undefined;
  const per = Math.floor(P / sorted.length);
  const extra = P % sorted.length;
  for (let i = 0; i < sorted.length; i++) {
    const start = per * i + Math.min(i, extra);
    if (p >= start && p < start + per + (i < extra ? 1 : 0)) return sorted[i];
  }
  return undefined;
}

/** Cheap equality for the per-command invariants (expect() is slow across 40,000 checks). */
function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: got ${a}, expected ${e}`);
}

function checkAll(m: Model, r: Real): void {
  deepFreeze(r.s); // the next command gets a frozen input: any mutation of a state throws
  for (let p = 0; p < P; p++) {
    same(logEndOffset(r.s, 't', p), logEnd(m, p), `log-end p${p}`);
    same(logStartOffset(r.s, 't', p), m.logStart[p], `log-start p${p}`);
    const recs = recordsOf(r.s, 't', p);
    const start = m.logStart[p]!;
    if (recs.length !== logEnd(m, p) - start)
      throw new Error(`p${p} holds ${recs.length} records, expected ${logEnd(m, p) - start}`);
    recs.forEach((x, i) => {
      if (x.offset !== start + i) throw new Error(`p${p} offsets not dense at ${i}: ${x.offset}`);
      if (x.value !== m.logs[p]![start + i]!.value)
        throw new Error(`p${p}@${x.offset} holds ${String(x.value)}: order broken`);
    });
    const c = m.committed.get(p) ?? null;
    same(committedOffset(r.s, G, 't', p), c, `committed p${p}`);
    same(lagOf(r.s, G, 't', p), c === null ? null : Math.max(0, logEnd(m, p) - c), `lag p${p}`);
    const owner = rangeOwner(m, p);
    for (const id of m.members)
      same(
        assignmentOf(r.s, G, id).some((tp) => tp.partition === p),
        id === owner,
        `${id} owns p${p}`,
      );
  }
}

/** A membership change: eager rebalance, every position forgotten. */
function membershipChanged(m: Model): void {
  m.positions.clear();
}

class Produce implements Cmd {
  constructor(readonly partition: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const value = m.seq++;
    const res = produce(r.s, { topic: 't', key: `k${value % 5}`, value, partition: this.partition }, m.now);
    m.logs[this.partition]!.push({ value, timestamp: m.now });
    expect(res.appended).toEqual({ topic: 't', partition: this.partition, offset: logEnd(m, this.partition) - 1 });
    r.s = res.state;
    checkAll(m, r);
  }
  toString = () => `produce(p${this.partition})`;
}

class Advance implements Cmd {
  constructor(readonly dt: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += this.dt;
    for (let p = 0; p < P; p++) {
      // segments of SEG offsets counted from the log start, the last (active) one ending at the log end;
      // delete from the oldest while its newest record is too old — the active one too, when all of its
      // records are (UnifiedLog.deletableSegments; the log rolls an empty segment at the log end)
      for (;;) {
        const base = m.logStart[p]!;
        if (base >= logEnd(m, p)) break;
        const end = Math.min(base + SEG, logEnd(m, p));
        const newest = Math.max(...m.logs[p]!.slice(base, end).map((x) => x.timestamp));
        if (m.now - newest <= RETENTION) break;
        m.logStart[p] = end;
      }
    }
    r.s = advanceTime(r.s, m.now).state;
    checkAll(m, r);
  }
  toString = () => `advance(${this.dt})`;
}

class Join implements Cmd {
  constructor(readonly member: string) {}
  check = (m: Readonly<Model>) => !m.members.includes(this.member);
  run(m: Model, r: Real): void {
    r.s = joinGroup(
      r.s,
      { groupId: G, memberId: this.member, topics: ['t'], autoOffsetReset: 'earliest' },
      m.now,
    ).state;
    m.members.push(this.member);
    membershipChanged(m);
    checkAll(m, r);
  }
  toString = () => `join(${this.member})`;
}

class Leave implements Cmd {
  constructor(
    readonly member: string,
    readonly crash: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.members.includes(this.member);
  run(m: Model, r: Real): void {
    const req = { groupId: G, memberId: this.member };
    r.s = (this.crash ? crashMember(r.s, req, m.now) : leaveGroup(r.s, req, m.now)).state;
    m.members = m.members.filter((x) => x !== this.member);
    membershipChanged(m);
    checkAll(m, r);
  }
  toString = () => `${this.crash ? 'crash' : 'leave'}(${this.member})`;
}

class Poll implements Cmd {
  constructor(
    readonly member: string,
    readonly max: number,
  ) {}
  check = (m: Readonly<Model>) => m.members.includes(this.member);
  run(m: Model, r: Real): void {
    const res = poll(r.s, { groupId: G, memberId: this.member, maxRecords: this.max }, m.now);
    r.s = res.state;
    const generation = r.s.groups[G]!.generation;
    const seen = m.delivered.get(generation) ?? new Map<string, string>();
    m.delivered.set(generation, seen);
    expect(res.records.length).toBeLessThanOrEqual(this.max);
    const outOfRange = new Set(only(res.effects, 'offset-out-of-range').map((e) => e.partition));
    for (const tp of assignmentOf(r.s, G, this.member)) {
      const p = tp.partition;
      const got = res.records.filter((x) => x.partition === p);
      const known = m.positions.get(p) ?? m.committed.get(p);
      const inRange = known !== undefined && known >= m.logStart[p]! && known <= logEnd(m, p);
      const pos = positionOf(r.s, G, this.member, 't', p);
      // every assigned partition is resolved at the start of the poll (ClassicKafkaConsumer.updateFetchPositions),
      // so an out-of-range offset is noticed there even if the budget runs out before it is fetched
      expect(outOfRange.has(p)).toBe(known !== undefined && !inRange);
      const start = inRange ? known : m.logStart[p]!; // auto.offset.reset=earliest
      expect(pos).not.toBeNull(); // a position on every assigned partition, fetched from or not
      expect(pos).toBe(start + got.length);
      if (got.length > 0) {
        expect(got.map((x) => x.offset)).toEqual(got.map((_, i) => start + i));
        expect(got.map((x) => x.value)).toEqual(m.logs[p]!.slice(start, start + got.length).map((x) => x.value));
      }
      m.positions.set(p, pos!);
      for (const x of got) {
        const k = tpKey('t', x.offset) + `/${p}`;
        const other = seen.get(k);
        if (other !== undefined) expect(other).toBe(this.member); // no record to two members in one generation
        seen.set(k, this.member);
      }
    }
    if (res.records.length < this.max) {
      for (const tp of assignmentOf(r.s, G, this.member))
        expect(positionOf(r.s, G, this.member, 't', tp.partition)).toBe(logEnd(m, tp.partition));
    }
    checkAll(m, r);
  }
  toString = () => `poll(${this.member}, ${this.max})`;
}

class Commit implements Cmd {
  constructor(readonly member: string) {}
  check = (m: Readonly<Model>) => m.members.includes(this.member);
  run(m: Model, r: Real): void {
    r.s = commit(r.s, { groupId: G, memberId: this.member }, m.now).state;
    for (let p = 0; p < P; p++) {
      if (rangeOwner(m, p) === this.member && m.positions.has(p)) m.committed.set(p, m.positions.get(p)!);
    }
    checkAll(m, r);
  }
  toString = () => `commit(${this.member})`;
}

class Seek implements Cmd {
  constructor(
    readonly member: string,
    readonly partition: number,
    readonly offset: number,
  ) {}
  check = (m: Readonly<Model>) => m.members.includes(this.member);
  run(m: Model, r: Real): void {
    const res = seek(
      r.s,
      { groupId: G, memberId: this.member, topic: 't', partition: this.partition, offset: this.offset },
      m.now,
    );
    r.s = res.state;
    const owns = rangeOwner(m, this.partition) === this.member;
    expect(res.effects.map((e) => e.kind)).toEqual([owns ? 'position-moved' : 'request-rejected']);
    if (owns) m.positions.set(this.partition, this.offset);
    checkAll(m, r);
  }
  toString = () => `seek(${this.member}, p${this.partition}, ${this.offset})`;
}

class Reset implements Cmd {
  constructor(readonly to: 'earliest' | 'latest' | { offset: number }) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const res = resetGroupOffsets(r.s, { groupId: G, topic: 't', to: this.to }, m.now);
    r.s = res.state;
    if (m.members.length > 0) {
      expect(res.effects.map((e) => e.kind)).toEqual(['request-rejected']);
    } else {
      for (let p = 0; p < P; p++) {
        const to =
          this.to === 'earliest'
            ? m.logStart[p]!
            : this.to === 'latest'
              ? logEnd(m, p)
              : Math.min(Math.max(this.to.offset, m.logStart[p]!), logEnd(m, p));
        m.committed.set(p, to);
      }
    }
    checkAll(m, r);
  }
  toString = () => `reset(${JSON.stringify(this.to)})`;
}

const member = fc.constantFrom(...MEMBERS);
const commands = [
  fc.nat({ max: P - 1 }).map((p) => new Produce(p)),
  fc.nat({ max: P - 1 }).map((p) => new Produce(p)),
  fc.integer({ min: 1, max: 60 }).map((dt) => new Advance(dt)),
  member.map((id) => new Join(id)),
  fc.tuple(member, fc.boolean()).map(([id, crash]) => new Leave(id, crash)),
  fc.tuple(member, fc.integer({ min: 1, max: 6 })).map(([id, max]) => new Poll(id, max)),
  fc.tuple(member, fc.integer({ min: 1, max: 6 })).map(([id, max]) => new Poll(id, max)),
  member.map((id) => new Commit(id)),
  fc.tuple(member, fc.nat({ max: P - 1 }), fc.nat({ max: 30 })).map(([id, p, o]) => new Seek(id, p, o)),
  fc
    .oneof(
      fc.constant('earliest' as const),
      fc.constant('latest' as const),
      fc.nat({ max: 30 }).map((offset) => ({ offset })),
    )
    .map((to) => new Reset(to)),
];

describe('broker against a reference model', () => {
  it('keeps order, dense offsets, commits, lag, resets and exclusive delivery (200 runs × ≤200 commands)', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 200, size: 'max' }), (cmds) => {
        const setup = () => {
          const s = createTopic(
            createBroker({ seed: 1 }),
            { name: 't', partitions: P, segmentRecords: SEG, retentionMs: RETENTION },
            0,
          ).state;
          const model: Model = {
            now: 0,
            logs: [[], [], []],
            logStart: [0, 0, 0],
            members: [],
            committed: new Map(),
            positions: new Map(),
            seq: 0,
            delivered: new Map(),
          };
          return { model, real: { s } };
        };
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
