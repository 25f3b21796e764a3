import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { noPoisonPoll, scriptStepsBy } from '../../scenarios/faults/laterPolls';
import { whyPoisonNeverFails, type PoisonInput } from '../../scenarios/faults/poisonReach';
import type { ScenarioDef } from '../../scenarios/schema';
import type { World } from '../../scenarios/world';
import { branchInputs } from '../../state/branch';
import { useRun } from '../../state/react';
import type { FaultAction } from './action';
import { SelectField, TextField } from './Field';

/**
 * Which topic the poison record goes to, and its key (which decides the partition it blocks). A record no later poll
 * would fetch never fails, so the form says why instead of arming it (`poisonReach.ts`): a topic no later poll reads,
 * or a partition the later polls never reach.
 */
export function PoisonForm({
  formId,
  world,
  scenario,
  onSubmit,
  onBlocked,
}: {
  formId: string;
  world: World;
  scenario: ScenarioDef;
  onSubmit(action: FaultAction): void;
  onBlocked?(reason: string | null): void;
}) {
  const inputs = useRun((s) => s.inputs);
  const done = useMemo(() => scriptStepsBy(scenario, inputs, world.step), [scenario, inputs, world.step]);
  const topics = Object.keys(world.broker.topics).filter((t) => !t.endsWith('.DLT'));
  // The first topic a later poll reads, so the dialog opens on one that can fail.
  const [topic, setTopic] = useState(
    () => topics.find((t) => noPoisonPoll(scenario, done, t) === null) ?? topics[0] ?? '',
  );
  const [key, setKey] = useState('poison-1');
  // Whether a poll reaches the record runs the branch ahead (a few steps of the story): not on every keystroke.
  const typed = useDeferredValue(key);
  const never = useMemo(() => {
    if (!topic) return null;
    const poison: PoisonInput = { kind: 'poison-message', atStep: world.step, topic, key: typed === '' ? null : typed };
    return whyPoisonNeverFails(scenario, world, done, branchInputs(inputs, world.step, poison), poison);
  }, [scenario, world, done, inputs, topic, typed]);
  const checking = typed !== key;
  const blockedBy = !topic ? 'no topic to put it on.' : checking ? null : never;
  useEffect(() => onBlocked?.(blockedBy), [onBlocked, blockedBy]);
  return (
    <form
      id={formId}
      className="action-form fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (topic && !never && !checking) onSubmit({ kind: 'poison-message', topic, key: key === '' ? null : key });
      }}
    >
      <SelectField label="Topic" value={topic} options={topics} onChange={setTopic} />
      <TextField label="Key" value={key} maxLength={200} onChange={setKey} />
      <p className="hint">
        A record whose processing always fails. Consumers retry it in place, so its partition is blocked behind it until
        a dead-letter route takes it — and for good where there is none. Empty key: no key.
      </p>
      {never && !checking && (
        <p className="error" role="alert">
          {never}
        </p>
      )}
    </form>
  );
}
