import { useState } from 'react';
import type { World } from '../../scenarios/world';
import type { FaultAction } from './action';
import { SelectField, TextField } from './Field';

/** Which topic the poison record goes to, and its key (which decides the partition it blocks). */
export function PoisonForm({
  formId,
  world,
  onSubmit,
}: {
  formId: string;
  world: World;
  onSubmit(action: FaultAction): void;
}) {
  const topics = Object.keys(world.broker.topics).filter((t) => !t.endsWith('.DLT'));
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [key, setKey] = useState('poison-1');
  return (
    <form
      id={formId}
      className="action-form fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (topic) onSubmit({ kind: 'poison-message', topic, key: key === '' ? null : key });
      }}
    >
      <SelectField label="Topic" value={topic} options={topics} onChange={setTopic} />
      <TextField label="Key" value={key} maxLength={200} onChange={setKey} />
      <p className="hint">
        A record whose processing always fails. Consumers retry it in place, so its partition is blocked behind it until
        a dead-letter route takes it — and for good where there is none. Empty key: no key.
      </p>
    </form>
  );
}
