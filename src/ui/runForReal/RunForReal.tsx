import { useRef, useState } from 'react';
import type { LearnerInput } from '../../engine/types';
import type { ScenarioDef } from '../../scenarios/schema';
import { useRun } from '../../state/react';
import { prepareExport, type Prepared, type Target } from './prepare';
import './runForReal.css';

const CHOICES: { target: Target; label: string; client: string }[] = [
  { target: 'kafka', label: 'Kafka', client: 'kafkajs' },
  { target: 'rabbitmq', label: 'RabbitMQ', client: 'amqplib' },
  { target: 'nats', label: 'NATS JetStream', client: 'nats' },
];

/**
 * "Run it for real": a button opening a dialog that exports the scenario's run as a small Node project for
 * a real Kafka, RabbitMQ or NATS JetStream, shows what it holds and how to run it, and downloads it as a .zip.
 * The export code (and its zip library) loads only when the dialog opens.
 */
export function RunForReal() {
  const scenario = useRun((s) => s.scenario);
  const inputs = useRun((s) => s.inputs);
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<Target>('kafka');
  const [prepared, setPrepared] = useState<Prepared | { error: string } | null>(null);
  /** The latest request: an earlier one that resolves late (the learner switched broker) is dropped. */
  const latest = useRef(0);

  const prepare = (t: Target, s: ScenarioDef, i: readonly LearnerInput[]) => {
    const request = ++latest.current;
    setPrepared(null);
    const settle = (value: Prepared | { error: string }) => {
      if (request === latest.current) setPrepared(value);
    };
    prepareExport(s, i, t).then(settle, (err: unknown) =>
      settle({ error: err instanceof Error ? err.message : String(err) }),
    );
  };
  const open = () => {
    dialog.current?.showModal();
    prepare(target, scenario, inputs);
  };
  const choose = (t: Target) => {
    setTarget(t);
    prepare(t, scenario, inputs);
  };

  return (
    <>
      <button type="button" onClick={open} aria-haspopup="dialog">
        Run it for real
      </button>
      <dialog ref={dialog} className="run-for-real" aria-labelledby="run-for-real-title">
        <h2 id="run-for-real-title">Run it for real</h2>
        <p>
          A small Node project that sends this scenario’s records, with the same keys, to a real broker, reads them with
          the same consumer groups and prints where each record went next to where the simulator put it.
        </p>
        <fieldset>
          <legend>Broker</legend>
          {CHOICES.map((c) => (
            <label key={c.target}>
              <input
                type="radio"
                name="run-for-real-target"
                value={c.target}
                checked={target === c.target}
                onChange={() => choose(c.target)}
              />
              {c.label} <span className="hint">({c.client})</span>
            </label>
          ))}
        </fieldset>
        {prepared === null ? (
          <p role="status">Playing the scenario to its end…</p>
        ) : 'error' in prepared ? (
          <p role="alert">The project could not be made: {prepared.error}</p>
        ) : (
          <ProjectSummary prepared={prepared} />
        )}
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}

/** What the project holds, how to run it, what is compared, and its download. */
export function ProjectSummary({ prepared }: { prepared: Prepared }) {
  const { run, fileName, files } = prepared;
  const download = () => {
    const url = URL.createObjectURL(new Blob([prepared.zip() as BlobPart], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section aria-label="The project">
      <p>
        {run.records.length} record(s) on {run.topics.length} topic(s), {run.groups.length} consumer group(s); the
        simulator’s side is this run played to its last step ({run.scenario.steps}).
      </p>
      <h3>What it holds</h3>
      <ul>
        {files.map((f) => (
          <li key={f}>
            <code>{f}</code> — {FILE_ROLES[f] ?? ''}
          </li>
        ))}
      </ul>
      <h3>How to run it</h3>
      <pre>
        <code>
          {[...(run.target === 'kafka' ? ['docker compose up -d'] : []), 'npm install && node run.js'].join('\n')}
        </code>
      </pre>
      <h3>What is compared</h3>
      <ul>
        {run.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {run.records.length === 0 ? (
        <p>This run appends no records to topics, so the project would have nothing to send: there is no download.</p>
      ) : (
        <button type="button" className="primary" onClick={download}>
          Download {fileName}
        </button>
      )}
    </section>
  );
}

const FILE_ROLES: Record<string, string> = {
  'package.json': 'the client, pinned to an exact version',
  'run.js': 'the program: creates the topology, sends the records, reads them, compares',
  'compare.js': 'the comparison and the printout',
  'run.json': 'the simulator’s records and deliveries, as data',
  'README.md': 'how to run it, the mapping, what is and is not compared',
  'compose.yaml': 'a one-node Kafka in KRaft mode (docker compose up -d)',
};
