/**
 * The script steps that fetch records for a group member — `poll` (`../steps/consume.ts`) and `poll-batch` (the
 * engine's poll loop, `../steps/pollLoop.ts`) — each as the fault gate (`poll.ts`) needs it: the same faults strike
 * either, through that kind's own operations. Nothing here is a second poll: each part is the step itself, with its
 * commit held back or its timing changed the way the fault says.
 */
import * as broker from '../../engine/broker';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef } from '../schema';
import { crashUnnoticedIn, pollStep } from '../steps/consume';
import { pollLoopStep } from '../steps/pollLoop';
import type { World } from '../world';
import { memberKey } from './faultState';
import { clientIn, rejoinIfTimedOut, slowBatch, slowOutcome, slowTold, type ApplyAction } from './slowBatch';

/** Every action kind that polls records for a group member: a fault armed for its next poll strikes any of them. */
export const POLL_KINDS = ['poll', 'poll-batch'] as const;
export type PollLike = Extract<ActionDef, { kind: (typeof POLL_KINDS)[number] }>;
export const isPollLike = (action: ActionDef): action is PollLike =>
  (POLL_KINDS as readonly string[]).includes(action.kind);

type Applied = { world: World; effects: Effect[] };

export interface PollKind {
  /** What poll() does before it fetches: expired sessions, and a member out of its group joins again. */
  rejoin(world: World): Applied;
  /** How many records this poll would fetch (a look ahead through the engine's poll, its result discarded). */
  fetched(world: World): number;
  /** The poll as the script has it. */
  plain(world: World): Applied;
  /** The batch processed, its offsets not committed. */
  uncommitted(world: World): Applied;
  /** The batch processed, then the member crashes before committing. */
  crashAfterProcess(world: World): Applied;
  /** Processing the batch takes `ms` in all. */
  slow(world: World, ms: number): Applied;
}

export function pollKindOf(action: PollLike, rt: CompiledScenario, apply: ApplyAction): PollKind {
  return action.kind === 'poll' ? scriptPoll(action, rt, apply) : batchPoll(action, rt);
}

function scriptPoll(action: Extract<PollLike, { kind: 'poll' }>, rt: CompiledScenario, apply: ApplyAction): PollKind {
  const max = action.maxRecords !== undefined ? { maxRecords: action.maxRecords } : {};
  return {
    rejoin: (w) => rejoinIfTimedOut(w, rt, action.group, action.member),
    fetched: (w) =>
      broker.poll(w.broker, { groupId: action.group, memberId: action.member, ...max }, w.time).records.length,
    plain: (w) => pollStep(w, rt, action),
    uncommitted: (w) => pollStep(w, rt, { ...action, commit: 'manual' }),
    crashAfterProcess: (w) => pollStep(w, rt, { ...action, crash: 'after-process' }),
    slow: (w, ms) => slowBatch(w, rt, action, ms, apply),
  };
}

/**
 * `poll-batch`: the engine's poll loop (`pollAndProcess`) rejoins, polls, processes at its time per record, checks
 * the poll deadline and commits. A slow batch is that loop with the batch timed as a whole, taking `ms`;
 * a lost commit or a crash is that loop without its commit (then the crash, `crashUnnoticedIn`: evicted
 * session.timeout.ms later).
 */
function batchPoll(action: Extract<PollLike, { kind: 'poll-batch' }>, rt: CompiledScenario): PollKind {
  const { group: groupId, member: memberId } = action;
  const fetched = (w: World) =>
    broker.poll(
      w.broker,
      { groupId, memberId, maxRecords: action.maxRecords ?? clientIn(w, groupId, memberId).maxPollRecords },
      w.time,
    ).records.length;
  const uncommitted = (w: World) => pollLoopStep(w, { ...action, commit: false }, rt);
  return {
    rejoin: (w) => {
      // The loop's own first move; the loop makes it again, finding the member already in.
      const r = broker.rejoinOnPoll(w.broker, groupId, memberId, w.time);
      return { world: { ...w, broker: r.state }, effects: r.effects };
    },
    fetched,
    plain: (w) => pollLoopStep(w, action, rt),
    uncommitted,
    crashAfterProcess: (w) => {
      const done = uncommitted(w);
      const n = done.effects.filter(
        (e) => e.kind === 'record-processed' && e.groupId === groupId && e.memberId === memberId,
      ).length;
      // Its batch ran past the poll deadline: the poll timeout already took it out of the group.
      if (!done.world.broker.groups[groupId]?.members[memberId]) return done;
      // Evicted session.timeout.ms later (the clock moves there); the reason names what was left uncommitted.
      const c = crashUnnoticedIn(
        done.world,
        groupId,
        memberId,
        `before committing the ${n} record${n === 1 ? '' : 's'} it processed`,
      );
      return {
        world: c.world,
        effects: [
          // The batch ended in time, but no next poll() comes: the process dies first.
          ...done.effects.map((e) =>
            e.kind === 'consumer-changed' && e.op === 'batch-processed' && e.memberId === memberId
              ? { ...e, reason: e.reason.replace(', so its next poll() comes in time', '') }
              : e,
          ),
          ...c.effects,
        ],
      };
    },
    slow: (w, ms) => {
      const client = clientIn(w, groupId, memberId);
      // The batch takes exactly `ms` (timed as a whole: `ms / n` per record times `n` can round past the member's
      // max.poll.interval.ms when `ms` is the limit), so the loop's deadline and `slowFate` (the dialog's hint and
      // `slowTold`) compare the same number; the clock moves on to its end. Its time per record is only shown.
      const r = pollLoopStep(w, { ...action, perRecordMs: ms / Math.max(1, fetched(w)) }, rt, ms);
      const { late, told } = slowTold(client, groupId, ms);
      const key = memberKey(groupId, memberId);
      return { world: r.world, effects: [...r.effects, slowOutcome(key, told, late, groupId, false)] };
    },
  };
}
