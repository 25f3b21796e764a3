import { useEffect, useMemo, useState } from 'react';
import { noLaterPoll, scriptStepsBy } from '../../scenarios/faults/laterPolls';
import { crashNowHint, slowHint } from '../../scenarios/faults/memberHints';
import { clientIn } from '../../scenarios/faults/slowBatch';
import type { ConsumerClient } from '../../engine/broker';
import type { ScenarioDef } from '../../scenarios/schema';
import type { World } from '../../scenarios/world';
import { useRun } from '../../state/react';
import type { FaultAction } from './action';
import { NumberField } from './Field';
import { allMembers, firstMember, MemberFields } from './MemberFields';

export type ConsumerFault = 'Crash consumer' | 'Pause consumer' | 'Slow consumer' | 'Duplicate delivery';

/** Which member, and what the fault needs besides: when it crashes, how long it pauses, how slow it is. */
export function ConsumerFaultForm({
  fault,
  formId,
  world,
  scenario,
  onSubmit,
  onBlocked,
}: {
  fault: ConsumerFault;
  formId: string;
  world: World;
  scenario: ScenarioDef;
  onSubmit(action: FaultAction): void;
  onBlocked?(reason: string | null): void;
}) {
  const inputs = useRun((s) => s.inputs);
  const done = useMemo(() => scriptStepsBy(scenario, inputs, world.step), [scenario, inputs, world.step]);
  // The dialog opens on a member the fault can strike (the story polls for it again), when there is one.
  const [member, setMember] = useState(
    () =>
      allMembers(world).find((m) => noLaterPoll(fault, scenario, done, m.groupId, m.memberId) === null) ??
      firstMember(world),
  );
  const [when, setWhen] = useState<'before-commit' | 'now'>('before-commit');
  const [steps, setSteps] = useState(4);
  const [seconds, setSeconds] = useState(600);
  const idempotent = scenario.topology.groups.find((g) => g.id === member.groupId)?.idempotent ?? false;
  // A fault for the member's polls is never armed where the story polls for it no more (laterPolls.ts).
  const never =
    member.memberId && !(fault === 'Crash consumer' && when === 'now')
      ? noLaterPoll(fault, scenario, done, member.groupId, member.memberId)
      : null;
  const blockedBy = member.memberId ? never : 'choose a consumer first.';
  useEffect(() => onBlocked?.(blockedBy), [onBlocked, blockedBy]);
  const build = (): FaultAction => {
    const who = { groupId: member.groupId, memberId: member.memberId };
    switch (fault) {
      case 'Crash consumer':
        return when === 'now' ? { kind: 'crash-consumer', ...who } : { kind: 'crash-consumer-before-commit', ...who };
      case 'Pause consumer':
        return { kind: 'pause-consumer', ...who, steps };
      case 'Slow consumer':
        return { kind: 'slow-consumer', ...who, processingMs: seconds * 1000 };
      case 'Duplicate delivery':
        return { kind: 'duplicate-delivery', ...who };
    }
  };
  return (
    <form
      id={formId}
      className="action-form fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (member.memberId && !never && e.currentTarget.checkValidity()) onSubmit(build());
      }}
    >
      <MemberFields world={world} value={member} onChange={setMember} />
      {fault === 'Crash consumer' && (
        <fieldset>
          <legend>When it crashes</legend>
          <label className="inline">
            <input
              type="radio"
              name="when"
              checked={when === 'before-commit'}
              onChange={() => setWhen('before-commit')}
            />
            In its next poll: after processing, before committing
          </label>
          <label className="inline">
            <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} />
            Now, between polls
          </label>
        </fieldset>
      )}
      {fault === 'Pause consumer' && (
        <NumberField label="Paused for (steps)" value={steps} min={1} max={50} onChange={setSteps} />
      )}
      {fault === 'Slow consumer' && (
        <NumberField
          label="Its next batch takes (seconds)"
          value={seconds}
          min={1}
          max={86_400}
          onChange={setSeconds}
        />
      )}
      <p className="hint">
        {hint(
          fault,
          when,
          seconds,
          idempotent,
          member.memberId ? clientIn(world, member.groupId, member.memberId) : null,
        )}
      </p>
      {never && (
        <p className="error" role="alert">
          {never}
        </p>
      )}
    </form>
  );
}

/** The hint under the fields; a member's timeouts are its consumer's own (`clientIn`), as the engine runs it. */
function hint(
  fault: ConsumerFault,
  when: 'before-commit' | 'now',
  seconds: number,
  idempotent: boolean,
  client: ConsumerClient | null,
): string {
  switch (fault) {
    case 'Crash consumer':
      return when === 'now'
        ? client
          ? crashNowHint(client)
          : 'It stops without a word: after its session timeout the coordinator evicts it and the group rebalances.'
        : 'It processes its next batch and dies before committing: whoever gets its partitions starts from the last commit and processes those records again.';
    case 'Pause consumer':
      return 'KafkaConsumer.pause: it keeps its partitions and stays in the group, but fetches nothing, so their lag grows.';
    case 'Slow consumer':
      return client && Number.isFinite(seconds)
        ? slowHint(client, seconds * 1000)
        : 'Its next batch takes this long to process.';
    case 'Duplicate delivery':
      return `Its next commit is lost and it reads the same batch again. This group is ${idempotent ? 'an idempotent consumer (it remembers event ids)' : 'not an idempotent consumer'}.`;
  }
}
