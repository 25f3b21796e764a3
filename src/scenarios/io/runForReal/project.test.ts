import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBuiltin } from '../../content';
import { exportProject, runFacts, TARGETS, type RunFile } from '.';
import { HOSTILE, hostileFacts } from './hostileFacts.testkit';
import { CLIENT_VERSIONS } from './versions';

const dir = mkdtempSync(join(tmpdir(), 'eventlab-runforreal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `node --check`: the file parses as a script (CommonJS) without running it. */
function nodeCheck(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  return r.status === 0 ? 'ok' : r.stderr;
}

const pubsub = runFacts(findBuiltin('pubsub-basics')!);
const hostile = hostileFacts();

describe.each(TARGETS)('the %s export', (target) => {
  const project = exportProject(pubsub, target);

  it('holds a package.json pinning its one client exactly, run.js, compare.js, run.json and a README', () => {
    const files = Object.keys(project.files).sort();
    expect(files).toEqual(
      [
        'README.md',
        'compare.js',
        'package.json',
        'run.js',
        'run.json',
        ...(target === 'kafka' ? ['compose.yaml'] : []),
      ].sort(),
    );
    const pkg = JSON.parse(project.files['package.json']!) as { dependencies: Record<string, string>; type: string };
    const client = { kafka: 'kafkajs', rabbitmq: 'amqplib', nats: 'nats' }[target] as keyof typeof CLIENT_VERSIONS;
    expect(pkg.dependencies).toEqual({ [client]: CLIENT_VERSIONS[client] });
    expect(pkg.dependencies[client]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.type).toBe('commonjs');
    expect(project.files['README.md']).toContain('node run.js');
  });

  it('has program files Node parses, with no line of this repository’s lint settings', () => {
    expect(nodeCheck(`${target}-run.js`, project.files['run.js']!)).toBe('ok');
    expect(nodeCheck(`${target}-compare.js`, project.files['compare.js']!)).toBe('ok');
    expect(project.files['run.js']).not.toContain('eslint');
  });

  it('carries the scenario only as data: a hostile key, value and title stay inside run.json', () => {
    const evil = exportProject(hostile, target);
    expect(evil.files['run.js']).toBe(project.files['run.js']);
    expect(evil.files['compare.js']).toBe(project.files['compare.js']);
    const run = JSON.parse(evil.files['run.json']!) as RunFile;
    expect(run.records[0]!.key).toBe(HOSTILE);
    expect(run.records[0]!.value).toEqual({ text: HOSTILE });
    expect(run.scenario.title).toBe(`Hostile ${HOSTILE}`);
    expect(evil.files['README.md']!.split('\n')[0]).not.toContain('\n');
    expect(JSON.parse(evil.files['package.json']!)).toMatchObject({ name: `eventlab-amq.x-${target}` });
  });

  it('embeds where the simulator put every record and what each group received', () => {
    const run = JSON.parse(project.files['run.json']!) as RunFile;
    expect(run.records).toHaveLength(6);
    expect(run.records[0]!.simulator).toMatchObject({ partition: 1, offset: 0, placement: 'key' });
    expect(run.groups.map((g) => [g.id, g.simulator.length])).toEqual([
      ['billing', 6],
      ['analytics', 6],
    ]);
  });
});

describe('the target mappings', () => {
  it('RabbitMQ: an exchange per topic, a single-active-consumer queue per group, never an amq. name', () => {
    const run = JSON.parse(exportProject(hostile, 'rabbitmq').files['run.json']!) as Pick<RunFile, 'notes'> & {
      topics: { exchange: string }[];
      groups: { queue: string }[];
    };
    expect(run.topics.map((t) => t.exchange)).toEqual([
      'eventlab.topic.amq.gen',
      'eventlab.topic.a.b',
      'eventlab.topic.a_b',
    ]);
    expect(run.groups.map((g) => g.queue)).toEqual(['eventlab.group.amq.g']);
    expect(run.notes.join(' ')).toContain('no partitions');
  });

  it('NATS: streams and durables without dots, distinct when two topics would share a name, keys as safe tokens', () => {
    const run = JSON.parse(exportProject(hostile, 'nats').files['run.json']!) as {
      topics: { stream: string; subjectRoot: string }[];
      groups: { durable: string }[];
      records: { subject: string }[];
    };
    expect(run.topics.map((t) => t.stream)).toEqual(['eventlab-amq_gen', 'eventlab-a_b', 'eventlab-a_b-2']);
    expect(run.topics.map((t) => t.subjectRoot)).toEqual(['eventlab.amq_gen', 'eventlab.a_b', 'eventlab.a_b-2']);
    expect(run.groups.map((g) => g.durable)).toEqual(['eventlab-amq_g']);
    expect(run.records.map((r) => r.subject)).toEqual([
      expect.stringMatching(/^eventlab\.amq_gen\.~[0-9a-f]+$/),
      'eventlab.a_b.~none',
      'eventlab.a_b-2.~6b20312e2a3e',
    ]);
  });

  it('Kafka: a compose file for a one-node KRaft broker, the keyless and member caveats in the notes', () => {
    const project = exportProject(pubsub, 'kafka');
    expect(project.files['compose.yaml']).toContain('KAFKA_PROCESS_ROLES: broker,controller');
    const run = JSON.parse(project.files['run.json']!) as RunFile;
    expect(run.notes.join(' ')).toMatch(/round-robin/);
    expect(run.notes.join(' ')).toMatch(/sticky/);
    expect(project.files['README.md']).toContain('docker compose up -d');
  });

  it('notes records written in transactions, which are sent as plain records', () => {
    const run = JSON.parse(
      exportProject(runFacts(findBuiltin('exactly-once')!), 'rabbitmq').files['run.json']!,
    ) as RunFile;
    expect(run.notes.join(' ')).toMatch(/inside transactions/);
  });
});
