/** One dispatcher over every EventBridge request, so a script of requests can be run step by step. */
import { createArchive, createBus, putRule, putTargets, setHealth, type TargetSpec } from './admin';
import { advanceTo, at } from './clock';
import { putEvents, type EntrySpec } from './put';
import { startReplay, type ReplayRequest } from './replay';
import type { EbState, EbStep, EventPattern, Health } from './types';

export type EbRequest =
  | { kind: 'create-bus'; name: string }
  | { kind: 'put-rule'; name: string; bus?: string; pattern: EventPattern }
  | { kind: 'put-targets'; rule: string; targets: readonly TargetSpec[] }
  | { kind: 'create-archive'; name: string; bus?: string; pattern?: EventPattern; retentionMs?: number }
  | { kind: 'set-health'; endpoint: string; health: Health }
  | { kind: 'put-events'; entries: readonly EntrySpec[] }
  | ({ kind: 'start-replay' } & ReplayRequest)
  | { kind: 'advance' };

export function apply(state: EbState, request: EbRequest, now: number): EbStep {
  switch (request.kind) {
    case 'create-bus':
      return at(state, now, (s) => createBus(s, request));
    case 'put-rule':
      return at(state, now, (s) => putRule(s, request));
    case 'put-targets':
      return at(state, now, (s) => putTargets(s, request));
    case 'create-archive':
      return at(state, now, (s) => createArchive(s, request));
    case 'set-health':
      return at(state, now, (s) => setHealth(s, request));
    case 'put-events':
      return at(state, now, (s) => putEvents(s, request, now));
    case 'start-replay':
      return at(state, now, (s) => startReplay(s, request, now));
    case 'advance':
      return advanceTo(state, now);
  }
}
