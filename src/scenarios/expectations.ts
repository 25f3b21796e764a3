/** Checks a scenario's own expectations against the world; returns what does not hold. */
import * as broker from '../engine/broker';
import { streamRevision } from '../engine/eventstore/log';
import { idsOf } from '../engine/sim/idSet';
import type { Effect } from '../engine/types';
import type { CompiledScenario } from './compiledScenario';
import { failedReplicaExpectation } from './replicationExpectations';
import { failedSagaExpectation } from './sagaChecks';
import { failedRegistryExpectation } from './registryChecks';
import { failedMirrorExpectation } from './mirrorChecks';
import { failedStreamExpectation } from './streamChecks';
import { failedPrivacyExpectation } from './privacyChecks';
import { failedSpecExpectation } from './specs/checks';
import { failedTracingExpectation } from './tracingChecks';
import { failedPollLoopExpectation } from './steps/pollLoop';
import type { ExpectationDef } from './schema';
import { aggregateState } from './steps/commands';
import type { World } from './world';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

export function failedExpectations(
  world: World,
  expectations: readonly ExpectationDef[],
  rt: CompiledScenario,
  effects: readonly Effect[] = [],
): string[] {
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  for (const e of expectations) {
    switch (e.kind) {
      case 'record': {
        const rec = broker.recordsOf(world.broker, e.topic, e.partition).find((r) => r.offset === e.offset);
        const type = rec && (rec.headers as Record<string, string> | undefined)?.eventType;
        check(!!rec, `no record at ${e.topic}-${e.partition}@${e.offset}`);
        if (rec && e.eventType)
          check(type === e.eventType, `${e.topic}-${e.partition}@${e.offset} is ${type}, expected ${e.eventType}`);
        if (rec && e.key !== undefined)
          check(rec.key === e.key, `${e.topic}-${e.partition}@${e.offset} has key ${rec.key}, expected ${e.key}`);
        break;
      }
      case 'log-end': {
        const end = broker.logEndOffset(world.broker, e.topic, e.partition);
        check(end === e.offset, `log-end of ${e.topic}-${e.partition} is ${end}, expected ${e.offset}`);
        break;
      }
      case 'committed': {
        const c = broker.committedOffset(world.broker, e.group, e.topic, e.partition);
        check(
          c === e.offset,
          `${e.group} committed ${c ?? 'nothing'} on ${e.topic}-${e.partition}, expected ${e.offset ?? 'no commit'}`,
        );
        break;
      }
      case 'lag': {
        const lag = broker.lagOf(world.broker, e.group, e.topic, e.partition);
        check(
          lag === e.lag,
          `${e.group} lag on ${e.topic}-${e.partition} is ${lag ?? 'no commit'}, expected ${e.lag ?? 'no commit'}`,
        );
        break;
      }
      case 'assignment': {
        const got = broker
          .assignmentOf(world.broker, e.group, e.member)
          .filter((tp) => tp.topic === e.topic)
          .map((tp) => tp.partition);
        check(
          JSON.stringify(got) === JSON.stringify(e.partitions),
          `${e.member} in ${e.group} owns [${got}] of ${e.topic}, expected [${e.partitions}]`,
        );
        break;
      }
      case 'stored-events':
        // The event store only: a direct producer's records are on the topics, not here.
        check(world.log.events.length === e.count, `${world.log.events.length} events stored, expected ${e.count}`);
        break;
      case 'no-record': {
        const rec = broker.recordsOf(world.broker, e.topic, e.partition).find((r) => r.offset === e.offset);
        check(!rec, `${e.topic}-${e.partition}@${e.offset} still holds a record`);
        break;
      }
      case 'log-start': {
        const start = broker.logStartOffset(world.broker, e.topic, e.partition);
        check(start === e.offset, `log-start of ${e.topic}-${e.partition} is ${start}, expected ${e.offset}`);
        break;
      }
      case 'stream': {
        const r = streamRevision(world.log, e.streamId) ?? -1;
        check(r === e.revision, `stream ${e.streamId} is at revision ${r}, expected ${e.revision}`);
        break;
      }
      case 'aggregate': {
        const loaded = aggregateState(world, rt, e.aggregate, e.id);
        if (!loaded) {
          check(false, `unknown aggregate ${e.aggregate}`);
          break;
        }
        if (e.status !== undefined)
          check(
            loaded.state.status === e.status,
            `${e.aggregate} ${e.id} is "${loaded.state.status}", expected "${e.status}"`,
          );
        if (e.field !== undefined)
          check(
            same(loaded.state[e.field], e.equals),
            `${e.aggregate} ${e.id}.${e.field} is ${show(loaded.state[e.field])}, expected ${show(e.equals)}`,
          );
        break;
      }
      case 'read-model': {
        const row = world.projections[e.projection]?.rows[e.key];
        if (e.absent) check(!row, `${e.projection}[${e.key}] exists, expected no row`);
        else if (!row) check(false, `${e.projection} has no row "${e.key}"`);
        else if (e.field !== undefined)
          check(
            same(row[e.field], e.equals),
            `${e.projection}[${e.key}].${e.field} is ${show(row[e.field])}, expected ${show(e.equals)}`,
          );
        break;
      }
      case 'checkpoint': {
        const pos = world.projections[e.projection]?.position ?? 0;
        check(pos === e.position, `${e.projection} checkpoint is ${pos}, expected ${e.position}`);
        break;
      }
      case 'effect': {
        const n = effects.filter((x) => x.kind === e.effect).length;
        check(n === e.count, `this step had ${n} "${e.effect}" effect(s), expected ${e.count}`);
        break;
      }
      case 'queue-size': {
        const n = world.queues[e.queue]?.messages.length ?? 0;
        check(n === e.size, `queue ${e.queue} holds ${n} message(s), expected ${e.size}`);
        break;
      }
      case 'processed': {
        const app = world.broker.apps[e.group];
        const ids = app ? idsOf(app.processedEventIds) : [];
        const n = e.eventType ? ids.filter((id) => eventTypeOf(world, id) === e.eventType).length : ids.length;
        check(
          n === e.count,
          `${e.group} has processed ${n} distinct event(s)${e.eventType ? ` of type ${e.eventType}` : ''}, expected ${e.count}`,
        );
        break;
      }
      case 'entity-row': {
        const store = world.broker.apps[e.group]?.versioned;
        const row = store?.rows[e.entity];
        if (e.version !== undefined)
          check(
            (row?.version ?? 0) === e.version,
            `${e.group}'s row ${e.entity} is at v${row?.version ?? 0}, expected v${e.version}`,
          );
        if (e.field)
          check(
            same(row?.fields[e.field] ?? null, e.equals ?? null),
            `${e.group}'s row ${e.entity}.${e.field} is ${show(row?.fields[e.field])}, expected ${show(e.equals)}`,
          );
        if (e.held) {
          const held = (store?.held ?? []).filter((h) => h.entity === e.entity).map((h) => h.version);
          check(same(held, e.held), `${e.group} holds ${show(held)} of ${e.entity}, expected ${show(e.held)}`);
        }
        break;
      }
      case 'partition-replicas':
      case 'replica-log':
        failures.push(...failedReplicaExpectation(world, e));
        break;
      case 'outbox-row': {
        const row = world.outboxes?.[e.outbox]?.table.rows.find((r) => r.id === e.id);
        const state = row?.state ?? 'absent';
        check(state === e.state, `${e.outbox} row ${e.id} is ${state}, expected ${e.state}`);
        break;
      }
      case 'saga':
        failures.push(...failedSagaExpectation(world, e, rt.scenario));
        break;
      case 'schema-registration':
      case 'schema-reader':
        failures.push(...failedRegistryExpectation(world, e, effects));
        break;
      case 'region-log':
      case 'offset-sync':
      case 'mirror-checkpoint':
      case 'region-group':
        failures.push(...failedMirrorExpectation(world, e));
        break;
      case 'window-result':
      case 'late-dropped':
      case 'join-output':
        failures.push(...failedStreamExpectation(world, e));
        break;
      case 'subject-key':
      case 'personal-field':
        failures.push(...failedPrivacyExpectation(world, e));
        break;
      case 'spec':
        failures.push(...failedSpecExpectation(world, e, rt.scenario));
        break;
      case 'trace':
      case 'record-context':
      case 'alert':
        failures.push(...failedTracingExpectation(world, e, rt.scenario));
        break;
      case 'consumer-client':
      case 'paused-partitions':
        failures.push(...failedPollLoopExpectation(world, e));
        break;
    }
  }
  return failures;
}

/** An event's type: from the store, or from the headers of a record that carries it (a direct producer's event lives only there). */
function eventTypeOf(world: World, eventId: string): string | undefined {
  const stored = world.log.events.find((x) => x.eventId === eventId);
  if (stored) return stored.eventType;
  for (const [topic, t] of Object.entries(world.broker.topics))
    for (let p = 0; p < t.partitions.length; p++) {
      const r = broker.recordsOf(world.broker, topic, p).find((x) => x.eventId === eventId);
      if (r) return r.headers.eventType;
    }
  return undefined;
}
