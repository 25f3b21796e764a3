// The Kafka export's program (run.js), run with Node against an in-memory stand-in for kafkajs (no Kafka
// server runs here): it checks the program's own flow — topics created with the scenario's partition counts,
// records sent with their keys through kafkajs's real DefaultPartitioner, each group's members reading, the
// comparison written — not Kafka's behaviour, which the stand-in only imitates.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBuiltin } from '../../content';
import { exportProject, runFacts } from '.';

const dir = mkdtempSync(join(tmpdir(), 'eventlab-kafka-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const realKafkajs = createRequire(import.meta.url).resolve('kafkajs');

/** kafkajs's API as run.js uses it, over arrays; a group's partitions are dealt to its members in turn. */
const FAKE_KAFKAJS = `'use strict';
const real = require(${JSON.stringify(realKafkajs)});
const topics = {};
const groups = {};
const created = [];
function deliver(group) {
  const g = groups[group];
  for (const t of g.topics)
    (topics[t] || []).forEach((log, p) => {
      const key = t + ':' + p;
      const member = g.members[p % g.members.length];
      for (let o = g.offsets[key] || 0; o < log.length; o++)
        member.eachMessage({ topic: t, partition: p, message: { ...log[o], offset: String(o) } });
      g.offsets[key] = log.length;
    });
}
class Kafka {
  admin() {
    return {
      connect: async () => {},
      disconnect: async () => {},
      createTopics: async ({ topics: list }) => {
        for (const t of list) if (!topics[t.topic]) { topics[t.topic] = Array.from({ length: t.numPartitions }, () => []); created.push(t); }
        return true;
      },
      createPartitions: async ({ topicPartitions }) => {
        for (const { topic, count } of topicPartitions) while (topics[topic].length < count) topics[topic].push([]);
        return true;
      },
      fetchTopicMetadata: async ({ topics: names }) => ({
        topics: names.map((name) => ({ name, partitions: topics[name].map((_, partitionId) => ({ partitionId })) })),
      }),
    };
  }
  producer({ createPartitioner }) {
    const partition = createPartitioner();
    return {
      connect: async () => {},
      disconnect: async () => {},
      send: async ({ topic, messages }) =>
        messages.map((m) => {
          const partitionMetadata = topics[topic].map((_, partitionId) => ({ partitionId, leader: 0 }));
          const p = partition({ topic, partitionMetadata, message: m });
          const headers = Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, Buffer.from(v)]));
          topics[topic][p].push({ key: m.key === null ? null : Buffer.from(m.key), value: Buffer.from(m.value), headers });
          return { topicName: topic, partition: p, errorCode: 0, baseOffset: String(topics[topic][p].length - 1) };
        }),
    };
  }
  consumer({ groupId }) {
    const g = (groups[groupId] ||= { topics: [], members: [], offsets: {} });
    const me = {};
    return {
      connect: async () => {},
      disconnect: async () => {},
      subscribe: async ({ topics: list, fromBeginning }) => {
        if (!fromBeginning) throw new Error('expected fromBeginning');
        g.topics = [...new Set([...g.topics, ...list])];
      },
      run: async ({ eachMessage }) => {
        me.eachMessage = eachMessage;
        g.members.push(me);
        setTimeout(() => deliver(groupId), 10);
      },
    };
  }
}
module.exports = { Kafka, Partitioners: real.Partitioners, logLevel: real.logLevel, created };
`;

function runKafkaExport(scenarioId: string) {
  const project = exportProject(runFacts(findBuiltin(scenarioId)!), 'kafka');
  const home = join(dir, scenarioId);
  mkdirSync(join(home, 'fake_modules', 'kafkajs'), { recursive: true });
  writeFileSync(join(home, 'fake_modules', 'kafkajs', 'index.js'), FAKE_KAFKAJS);
  for (const [path, text] of Object.entries(project.files)) writeFileSync(join(home, path), text);
  const r = spawnSync(process.execPath, ['run.js'], {
    cwd: home,
    env: { ...process.env, NODE_PATH: join(home, 'fake_modules'), EVENT_LAB_WAIT_MS: '5000' },
    encoding: 'utf8',
  });
  const result = JSON.parse(readFileSync(join(home, 'result.json'), 'utf8')) as {
    same: boolean;
    placements: { n: number; compared: boolean; simulator: number; real: number }[];
    groups: { id: string; real: number[]; extra: number[] }[];
  };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, result };
}

describe('the Kafka export’s run.js (against a stand-in for kafkajs)', () => {
  it('Publish/subscribe basics: every keyed record lands where the simulator put it; both groups read all six', () => {
    const r = runKafkaExport('pubsub-basics');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.result.same).toBe(true);
    expect(r.result.placements.every((p) => p.compared && p.real === p.simulator)).toBe(true);
    expect(r.result.groups.map((g) => [g.id, [...g.real].sort()])).toEqual([
      ['billing', [1, 2, 3, 4, 5, 6]],
      ['analytics', [1, 2, 3, 4, 5, 6]],
    ]);
    expect(r.stdout).toContain(
      'real:      orders-1 offset 0 → billing (billing-2 (partition 1)), analytics (analytics-1 (partition 1))',
    );
  });

  it('Partitions, keys and ordering: the topic grows when the simulated producer started using more partitions; keyless records are shown, not compared', () => {
    const r = runKafkaExport('partitions-keys-ordering');
    expect(r.result.placements.filter((p) => !p.compared)).toHaveLength(3);
    expect(r.result.placements.filter((p) => p.compared).every((p) => p.real === p.simulator)).toBe(true);
    expect(r.stdout).toContain('Partitions were added during the scenario');
    // The simulated dispatch group had not read one record when the story ended: named, so not "same".
    expect(r.result.groups.find((g) => g.id === 'dispatch')!.extra).toHaveLength(1);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/DIFFERENT/);
  });
});
