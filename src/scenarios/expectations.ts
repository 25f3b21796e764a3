/** Checks a scenario's own expectations against the world; returns what does not hold. */
import * as broker from '../engine/broker';
import type { ExpectationDef } from './schema';
import type { World } from './world';

export function failedExpectations(world: World, expectations: readonly ExpectationDef[]): string[] {
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
        if (rec && e.eventType) check(type === e.eventType, `${e.topic}-${e.partition}@${e.offset} is ${type}, expected ${e.eventType}`);
        if (rec && e.key !== undefined) check(rec.key === e.key, `${e.topic}-${e.partition}@${e.offset} has key ${rec.key}, expected ${e.key}`);
        break;
      }
      case 'log-end': {
        const end = broker.logEndOffset(world.broker, e.topic, e.partition);
        check(end === e.offset, `log-end of ${e.topic}-${e.partition} is ${end}, expected ${e.offset}`);
        break;
      }
      case 'committed': {
        const c = broker.committedOffset(world.broker, e.group, e.topic, e.partition);
        check(c === e.offset, `${e.group} committed ${c ?? 'nothing'} on ${e.topic}-${e.partition}, expected ${e.offset ?? 'no commit'}`);
        break;
      }
      case 'lag': {
        const lag = broker.lagOf(world.broker, e.group, e.topic, e.partition);
        check(lag === e.lag, `${e.group} lag on ${e.topic}-${e.partition} is ${lag ?? 'no commit'}, expected ${e.lag ?? 'no commit'}`);
        break;
      }
      case 'assignment': {
        const got = broker.assignmentOf(world.broker, e.group, e.member).filter((tp) => tp.topic === e.topic).map((tp) => tp.partition);
        check(JSON.stringify(got) === JSON.stringify(e.partitions), `${e.member} in ${e.group} owns [${got}] of ${e.topic}, expected [${e.partitions}]`);
        break;
      }
      case 'stored-events':
        check(world.log.events.length === e.count, `${world.log.events.length} events stored, expected ${e.count}`);
        break;
    }
  }
  return failures;
}
