import { useId, useState } from 'react';
import type { LearnerInput } from '../engine/types';
import { isWellFormedKey } from '../state/branch';
import { useRun, useRunChrome } from '../state/react';

/** A learner input before it is placed at a step. */
type LearnerAction = LearnerInput extends infer T ? (T extends LearnerInput ? Omit<T, 'atStep'> : never) : never;

/**
 * "Change the story": the learner pokes the system at the current step. Each action starts a
 * branch (a new run); the scenario's own run stays as it was.
 */
export function LearnerActions() {
  const chrome = useRunChrome();
  const topics = useRun((s) => s.world.broker.topics);
  const groups = useRun((s) => s.world.broker.groups);
  const step = useRun((s) => s.step);
  const topicNames = Object.keys(topics).filter((t) => !t.endsWith('.DLT'));
  const groupIds = Object.keys(groups);
  if (topicNames.length === 0) return null;
  const act = (input: LearnerAction) => chrome.branch({ ...input, atStep: step } as LearnerInput);

  return (
    <details className="panel actions">
      <summary>
        <h2>Change the story</h2>
        <span className="hint">Each action starts a branch at step {step}; this run stays as it is.</span>
      </summary>
      {chrome.branchStatus.error && (
        <p className="error" role="alert">
          {chrome.branchStatus.error}
        </p>
      )}
      <ProduceForm
        topics={topicNames}
        busy={chrome.branchStatus.busy}
        onProduce={(topic, key, value) => act({ kind: 'produce', topic, key, value })}
      />
      {groupIds.length > 0 && (
        <ConsumerForm
          groups={groups}
          busy={chrome.branchStatus.busy}
          onAct={(kind, groupId, memberId) => act({ kind, groupId, memberId })}
        />
      )}
      <PartitionForm
        topics={topics}
        busy={chrome.branchStatus.busy}
        onAdd={(topic, count) => act({ kind: 'add-partitions', topic, count })}
      />
      {groupIds.length > 0 && (
        <ResetForm
          groups={groups}
          busy={chrome.branchStatus.busy}
          onReset={(groupId, topic, to) => act({ kind: 'reset-group', groupId, topic, to })}
        />
      )}
    </details>
  );
}

function ProduceForm({
  topics,
  busy,
  onProduce,
}: {
  topics: string[];
  busy: boolean;
  onProduce(topic: string, key: string | null, value: string): void;
}) {
  const id = useId();
  const [topic, setTopic] = useState(topics[0]!);
  const [key, setKey] = useState('');
  const [keyless, setKeyless] = useState(false);
  const [value, setValue] = useState('hello');
  const error =
    !keyless && !isWellFormedKey(key)
      ? 'This key contains a lone surrogate: Java and JavaScript would encode it differently, so Kafka clients would disagree on its partition. Use well-formed text.'
      : null;
  return (
    <form
      className="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!error) onProduce(topic, keyless ? null : key, value);
      }}
    >
      <h3>Produce a record</h3>
      <label htmlFor={`${id}-topic`}>Topic</label>
      <select id={`${id}-topic`} value={topic} onChange={(e) => setTopic(e.target.value)}>
        {topics.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <label htmlFor={`${id}-key`}>Key</label>
      <input
        id={`${id}-key`}
        value={key}
        maxLength={200}
        disabled={keyless}
        onChange={(e) => setKey(e.target.value)}
        placeholder='e.g. order-7 ("" is a key too)'
      />
      <label className="inline">
        <input type="checkbox" checked={keyless} onChange={(e) => setKeyless(e.target.checked)} /> No key (sticky
        partitioner)
      </label>
      <label htmlFor={`${id}-value`}>Value</label>
      <input id={`${id}-value`} value={value} maxLength={500} onChange={(e) => setValue(e.target.value)} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !!error}>
        Produce
      </button>
    </form>
  );
}

type Groups = ReturnType<typeof useRun<import('../state/runStore').RunState['world']['broker']['groups']>>;

function ConsumerForm({
  groups,
  busy,
  onAct,
}: {
  groups: Groups;
  busy: boolean;
  onAct(kind: 'add-consumer' | 'remove-consumer', groupId: string, memberId: string): void;
}) {
  const id = useId();
  const ids = Object.keys(groups);
  const [groupId, setGroupId] = useState(ids[0]!);
  const members = Object.keys(groups[groupId]?.members ?? {}).sort();
  const [memberId, setMemberId] = useState(members[0] ?? '');
  const member = members.includes(memberId) ? memberId : (members[0] ?? '');
  const fresh = nextMemberId(groupId, Object.keys(groups[groupId]?.members ?? {}));
  return (
    <form className="action-form" onSubmit={(e) => e.preventDefault()}>
      <h3>Consumers</h3>
      <label htmlFor={`${id}-group`}>Group</label>
      <select id={`${id}-group`} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
        {ids.map((g) => (
          <option key={g}>{g}</option>
        ))}
      </select>
      <button type="button" disabled={busy} onClick={() => onAct('add-consumer', groupId, fresh)}>
        Add consumer
      </button>
      <label htmlFor={`${id}-member`}>Member</label>
      <select
        id={`${id}-member`}
        value={member}
        onChange={(e) => setMemberId(e.target.value)}
        disabled={members.length === 0}
      >
        {members.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <button type="button" disabled={busy || !member} onClick={() => onAct('remove-consumer', groupId, member)}>
        Remove consumer
      </button>
      <span className="hint">To crash a consumer, see Faults.</span>
    </form>
  );
}

const nextMemberId = (groupId: string, taken: string[]) => {
  for (let i = 1; ; i++) if (!taken.includes(`${groupId}-new-${i}`)) return `${groupId}-new-${i}`;
};

function PartitionForm({
  topics,
  busy,
  onAdd,
}: {
  topics: Record<string, { partitions: readonly unknown[] }>;
  busy: boolean;
  onAdd(topic: string, count: number): void;
}) {
  const id = useId();
  const names = Object.keys(topics).filter((t) => !t.endsWith('.DLT'));
  const [topic, setTopic] = useState(names[0]!);
  const count = topics[topic]?.partitions.length ?? 1;
  return (
    <form className="action-form" onSubmit={(e) => e.preventDefault()}>
      <h3>Partitions</h3>
      <label htmlFor={`${id}-topic`}>Topic</label>
      <select id={`${id}-topic`} value={topic} onChange={(e) => setTopic(e.target.value)}>
        {names.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <button type="button" disabled={busy || count >= 64} onClick={() => onAdd(topic, count + 1)}>
        Add partition
      </button>
      <span className="hint">
        {count} → {count + 1}: keys of new records may move
      </span>
    </form>
  );
}

function ResetForm({
  groups,
  busy,
  onReset,
}: {
  groups: Groups;
  busy: boolean;
  onReset(groupId: string, topic: string, to: 'earliest' | 'latest'): void;
}) {
  const id = useId();
  const ids = Object.keys(groups);
  const [groupId, setGroupId] = useState(ids[0]!);
  const topics = groups[groupId]?.topics ?? [];
  const [to, setTo] = useState<'earliest' | 'latest'>('earliest');
  return (
    <form className="action-form" onSubmit={(e) => e.preventDefault()}>
      <h3>Reset a group’s offsets</h3>
      <label htmlFor={`${id}-group`}>Group</label>
      <select id={`${id}-group`} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
        {ids.map((g) => (
          <option key={g}>{g}</option>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>To</label>
      <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value as 'earliest' | 'latest')}>
        <option value="earliest">earliest</option>
        <option value="latest">latest</option>
      </select>
      <button type="button" disabled={busy || topics.length === 0} onClick={() => onReset(groupId, topics[0]!, to)}>
        Reset offsets
      </button>
      <span className="hint">Kafka refuses this while the group has members — try it and see.</span>
    </form>
  );
}
