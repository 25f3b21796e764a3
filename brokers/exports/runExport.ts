/**
 * Runs an exported "Run it for real" project (src/scenarios/io/runForReal) as a learner would, against the
 * server of this test run: its files written to a fresh temp directory, `node run.js` with the broker URL in
 * the project's env var. The project is CommonJS, so NODE_PATH makes its `require('amqplib')` /
 * `require('nats')` find this repository's node_modules — the same pinned versions, no `npm install`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findBuiltin } from '../../src/scenarios/content';
import { exportProject, runFacts, type RunFacts, type RunFile, type Target } from '../../src/scenarios/io/runForReal';
import { hostileFacts } from '../../src/scenarios/io/runForReal/hostileFacts.testkit';

export interface ExportResult {
  same: boolean;
  groups: {
    id: string;
    simulator: number[];
    real: number[];
    missing: number[];
    extra: number[];
    orderDiffs: unknown[];
  }[];
  ignored: number;
}

export interface ExportRun {
  run: RunFile;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  result: ExportResult | null;
}

const NODE_MODULES = resolve(import.meta.dirname, '../../node_modules');

/** Runs the export of a built-in scenario (by id) or of hand-made run facts. */
export async function runExport(
  scenario: string | RunFacts,
  target: Target,
  env: Record<string, string>,
): Promise<ExportRun> {
  const facts = typeof scenario === 'string' ? runFacts(findBuiltin(scenario)!) : scenario;
  const project = exportProject(facts, target);
  const dir = mkdtempSync(join(tmpdir(), `eventlab-export-${target}-`));
  try {
    for (const [path, text] of Object.entries(project.files)) writeFileSync(join(dir, path), text);
    const child = spawn(process.execPath, ['run.js'], {
      cwd: dir,
      env: { ...process.env, NODE_PATH: NODE_MODULES, EVENT_LAB_WAIT_MS: '10000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    let result: ExportResult | null = null;
    try {
      result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as ExportResult;
    } catch {
      // No result.json: the run failed before comparing; stderr says why.
    }
    return { run: JSON.parse(project.files['run.json']!) as RunFile, exitCode, stdout, stderr, result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The records of the run's topics that a group reads, in publish order. */
export const recordsFor = (run: RunFile, group: string): number[] => {
  const topics = run.groups.find((g) => g.id === group)!.topics;
  return run.records.filter((r) => topics.includes(r.topic)).map((r) => r.n);
};

/**
 * Run facts meant to break out: a topic named like RabbitMQ's reserved amq.*, two topics NATS would give the
 * same stream name (a.b, a_b), a key with quotes, a newline, a line separator, `${…}` and NATS wildcards, a
 * keyless record; the group received all three records, so a faithful broker gives "same".
 */
export function hostileRun(): RunFacts {
  const facts = hostileFacts();
  return {
    ...facts,
    groups: facts.groups.map((g) => ({ ...g, received: facts.records.map((r) => ({ n: r.n, member: 'm-1' })) })),
  };
}
