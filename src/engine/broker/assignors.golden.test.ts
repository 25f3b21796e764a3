/**
 * Golden vectors: every case in ./golden/*.json was answered by Kafka's own RangeAssignor,
 * RoundRobinAssignor and CooperativeStickyAssignor (apache/kafka 1eb7644, see golden/generate.mjs).
 * The engine must give exactly the same assignment: member → its partitions (compared sorted). For
 * CooperativeSticky the answer is the first rebalance of the cooperative pair: a partition that changes
 * owner is left out (CooperativeStickyAssignor.adjustAssignment).
 */
import { describe, expect, it } from 'vitest';
import type { TopicPartition } from '../types';
import {
  cooperativeStickyAssignor,
  rangeAssignor,
  roundRobinAssignor,
  type Assignor,
  type AssignorInput,
} from './assignors';
import { byTopicPartition } from './brokerState';
import range from './golden/range.json';
import roundRobin from './golden/roundrobin.json';
import cooperativeSticky from './golden/cooperative-sticky.json';

interface GoldenCase {
  in: string;
  out: string;
}

/** `ASSIGNOR|t1:3,t2:2|m1/t1+t2=t1:0,t2:1;m2/t1=` → the engine's input (members in the line's order). */
function parseCase(line: string): AssignorInput {
  const [, topics, members] = line.split('|') as [string, string, string];
  const partitionsPerTopic: Record<string, number> = {};
  for (const t of topics.split(',')) {
    const i = t.lastIndexOf(':');
    partitionsPerTopic[t.slice(0, i)] = Number(t.slice(i + 1));
  }
  return {
    partitionsPerTopic,
    members: members.split(';').map((m) => {
      const [head, owned] = m.split('=') as [string, string];
      const slash = head.indexOf('/');
      const memberId = slash < 0 ? head : head.slice(0, slash);
      const subscribed = slash < 0 ? Object.keys(partitionsPerTopic) : head.slice(slash + 1).split('+');
      return {
        memberId,
        topics: subscribed,
        owned: owned
          .split(',')
          .filter(Boolean)
          .map((tp) => {
            const i = tp.lastIndexOf(':');
            return { topic: tp.slice(0, i), partition: Number(tp.slice(i + 1)) };
          }),
      };
    }),
  };
}

/** The oracle's `m1=t1-0,t2-1;m2=` → member → sorted partitions. */
function parseAnswer(out: string): Record<string, TopicPartition[]> {
  const answer: Record<string, TopicPartition[]> = {};
  for (const m of out.split(';')) {
    const eq = m.lastIndexOf('=');
    answer[m.slice(0, eq)] = m
      .slice(eq + 1)
      .split(',')
      .filter(Boolean)
      .map((tp) => {
        const i = tp.lastIndexOf('-');
        return { topic: tp.slice(0, i), partition: Number(tp.slice(i + 1)) };
      })
      .sort(byTopicPartition);
  }
  return answer;
}

const show = (a: Record<string, TopicPartition[]>): string =>
  Object.keys(a)
    .sort()
    .map((m) => `${m}=${a[m]!.map((tp) => `${tp.topic}-${tp.partition}`).join(',')}`)
    .join(';');

function check(assign: Assignor, cases: readonly GoldenCase[]): string[] {
  const failures: string[] = [];
  for (const c of cases) {
    const got = assign(parseCase(c.in));
    const sorted = Object.fromEntries(Object.entries(got).map(([m, tps]) => [m, [...tps].sort(byTopicPartition)]));
    const want = show(parseAnswer(c.out));
    const mine = show(sorted);
    if (mine !== want) failures.push(`${c.in}\n  kafka:  ${want}\n  engine: ${mine}`);
  }
  return failures;
}

describe("golden vectors from Kafka's own assignors", () => {
  const suites: [string, Assignor, { cases: GoldenCase[] }, number][] = [
    ['RangeAssignor', rangeAssignor, range, 300],
    ['RoundRobinAssignor', roundRobinAssignor, roundRobin, 300],
    [
      'CooperativeStickyAssignor (first rebalance, owned partitions)',
      cooperativeStickyAssignor,
      cooperativeSticky,
      570,
    ],
  ];
  for (const [name, assign, fixture, count] of suites) {
    it(`${name}: all ${count} cases`, () => {
      expect(fixture.cases.length).toBe(count);
      const failures = check(assign, fixture.cases);
      expect(failures.slice(0, 5).join('\n'), `${failures.length} of ${fixture.cases.length} differ`).toBe('');
    });
  }

  it("the CooperativeSticky vectors cover both of Kafka's builders and the odd inputs", () => {
    const inputs = cooperativeSticky.cases.map((c) => parseCase(c.in));
    const sameTopics = (i: AssignorInput) =>
      i.members.every((m) => [...m.topics].sort().join('+') === [...i.members[0]!.topics].sort().join('+'));
    expect(inputs.filter(sameTopics).length).toBeGreaterThanOrEqual(150);
    expect(inputs.filter((i) => !sameTopics(i)).length).toBeGreaterThanOrEqual(150);
    const claims = (i: AssignorInput) =>
      i.members.flatMap((m) => (m.owned ?? []).map((tp) => `${tp.topic}:${tp.partition}`));
    expect(inputs.filter((i) => new Set(claims(i)).size < claims(i).length).length).toBeGreaterThan(20); // claimed twice
    expect(
      inputs.filter((i) => i.members.some((m) => (m.owned ?? []).some((tp) => !m.topics.includes(tp.topic)))).length,
    ).toBeGreaterThan(20);
    expect(inputs.filter((i) => i.members.some((m) => (m.owned ?? []).length === 0)).length).toBeGreaterThan(100);
  });
});
