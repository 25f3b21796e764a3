/**
 * Aggregates from data: a scenario's lifecycle state chart becomes an `AggregateDefinition`
 * (decide/evolve) for the engine's CQRS core. Which commands are accepted in which lifecycle state,
 * under which guard, producing which events — all interpreted, never evaluated as code.
 */
import { reject, type AggregateDefinition, type Command, type EventDraft } from '../../engine/cqrs';
import type { RecordedEvent } from '../../engine/types';
import type { AggregateDef } from '../schema';
import type { AggregateState } from '../world';
import { charge } from './budget';
import { describeGuard, evalFields, evalGuard, evalValue, ExprError, type Guard } from './expr';

export type ScenarioCommand = Command<string, Record<string, unknown>> & { aggregateId: string };

export function compileAggregate(spec: AggregateDef): AggregateDefinition<AggregateState, ScenarioCommand> {
  const initialState: AggregateState = { ...(spec.fields ?? {}), status: spec.initial };
  return {
    name: spec.type,
    version: spec.version,
    initialState,
    statusOf: (state) => state.status,
    ...(spec.snapshotEvery ? { snapshotEvery: spec.snapshotEvery } : {}),
    decide(command, state): EventDraft[] | ReturnType<typeof reject> {
      const handlers = spec.commands.filter((c) => c.command === command.commandType);
      if (handlers.length === 0) return reject(`${spec.type} does not handle ${command.commandType}`);
      const scope = { command: { ...command.data, id: command.aggregateId }, state };
      const inState = handlers.filter((c) => c.when.includes(state.status));
      if (inState.length === 0) {
        const allowed = [...new Set(handlers.flatMap((c) => c.when))].map((s) => `"${s}"`).join(' or ');
        return reject(
          `${command.commandType} is refused: ${spec.type} ${command.aggregateId} is "${state.status}", and it is accepted only when ${allowed}`,
        );
      }
      const where = `the ${spec.type} aggregate's ${command.commandType} command`;
      // The first check or guard that does not hold, with the message it refuses with; null when all hold.
      const refusal = (c: (typeof inState)[number]): string | null => {
        const ruleFails = (g: Guard) =>
          `${command.commandType} is refused: the rule "${describeGuard(g)}" does not hold`;
        for (const check of c.checks ?? [])
          if (!evalGuard(check.guard, scope, where))
            return check.rejectWith === undefined
              ? ruleFails(check.guard)
              : String(evalValue(check.rejectWith, scope, `${where} (its message)`));
        return !c.guard || evalGuard(c.guard, scope, where) ? null : (c.rejectWith ?? ruleFails(c.guard));
      };
      // The first handler whose checks and guard hold decides; if none does, the first one's refusal is the answer.
      let chosen: (typeof inState)[number] | undefined;
      let first: string | null = null;
      try {
        for (const c of inState) {
          const r = refusal(c);
          if (r === null) {
            chosen = c;
            break;
          }
          first ??= r;
        }
      } catch (e) {
        // A rule that cannot be evaluated on this state refuses the command, saying why (e.g. a list that is not one).
        if (e instanceof ExprError) return reject(`${command.commandType} is refused: ${e.message}`);
        throw e;
      }
      if (!chosen) return reject(first!);
      return chosen.emit.map((e) => ({
        eventType: e.eventType,
        ...(e.schemaVersion ? { schemaVersion: e.schemaVersion } : {}),
        data: evalFields(
          e.data,
          scope,
          `the ${spec.type} aggregate's ${command.commandType} command (event ${e.eventType})`,
        ),
      }));
    },
    evolve(state, event: RecordedEvent) {
      charge();
      const rule = spec.evolve.find((r) => r.eventType === event.eventType);
      if (!rule) return state;
      const scope = { state, event: { ...event, data: event.data } };
      return {
        ...state,
        ...(rule.set
          ? evalFields(rule.set, scope, `the ${spec.type} aggregate's evolve rule for ${event.eventType}`)
          : {}),
        status: rule.to ?? state.status,
      };
    },
  };
}

export const streamOf = (spec: AggregateDef, id: string) => `${spec.streamPrefix}${id}`;
