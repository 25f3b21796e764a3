/**
 * The race points of a design comparison: what refuses the second of two commands raced on one
 * aggregate (its lifecycle or a guard), whether the script races them, and how the decided event
 * reaches consumers (stored, then relayed).
 */
import { indexScenario } from '../index/scenarioIndex';
import type { ScenarioDef } from '../schema';
import type { DesignFacts } from './facts';
import { matchNames } from './names';
import { list, type ComparisonPoint } from './points';
import { deciderOf, protectionOf, racesIn, type Protection } from './race';

function describeProtection(p: Protection): string {
  if (p.kind === 'lifecycle')
    return `${p.command} is decided by the ${p.aggregate} aggregate, which accepts it only while ${list(p.acceptedIn)}; ${list(p.events)} moves it to ${list(p.movesTo)}, where it is refused`;
  if (p.kind === 'guard')
    return `${p.command} is decided by the ${p.aggregate} aggregate, whose guard checks ${list(p.fields.map((f) => `state.${f}`))}, which ${list(p.events)} changes`;
  return `${p.command} is decided by the ${p.aggregate} aggregate, but it is still accepted after ${list(p.events)} (accepted in ${list(p.acceptedIn)}, and no guard checks what it changed)`;
}

export function racePoints(
  learner: ScenarioDef,
  reference: ScenarioDef,
  mapEvent: (n: string) => string,
  mine: DesignFacts,
): ComparisonPoint[] {
  const race = racesIn(reference)[0];
  const command = race?.commands[0];
  const refDecider = command ? deciderOf(reference, command) : null;
  if (!race || !command || !refDecider) return [];
  const refP = protectionOf(refDecider.aggregate, refDecider.specs);
  const refEvent = refP.events[0]!;
  const state = refP.kind === 'lifecycle' ? list(refP.movesTo) : 'decided';
  const out: ComparisonPoint[] = [];

  // Which command of the learner's plays the part: a close name, else the one emitting the same event.
  const commands = indexScenario(learner).commands;
  const mineEvent = mapEvent(refEvent);
  const mineCommand =
    matchNames([command], [...commands.keys()]).get(command)?.name ??
    [...commands.values()].find((c) => c.emits.includes(mineEvent))?.name;
  const decider = mineCommand ? deciderOf(learner, mineCommand) : null;
  const p = decider ? protectionOf(decider.aggregate, decider.specs) : null;
  const direct = mine.events.get(mineEvent)?.publishedDirectly;
  out.push({
    id: 'race:decision',
    topic: 'race',
    title: `What refuses the second ${command}`,
    status: !p ? 'missing' : p.kind === 'lifecycle' ? 'match' : p.kind === 'guard' ? 'partial' : 'missing',
    reference: `${describeProtection(refP)}.`,
    yours: p
      ? `${describeProtection(p)}.`
      : direct
        ? `${mineEvent} is published directly; no aggregate decides between two ${command} commands.`
        : `No command like ${command}, and nothing that decides it.`,
    why: `Both ${command} commands are decided on the same revision and appended with an expected revision, so the loser is decided again on the new state; unless the ${refP.aggregate} refuses ${command} once it is ${state}, a second ${refEvent} is stored.`,
  });

  const mineRaces = racesIn(learner);
  const raced = mineCommand ? mineRaces.find((r) => r.commands.includes(mineCommand) && r.sameTarget) : undefined;
  out.push({
    id: 'race:script',
    topic: 'race',
    title: 'The race is played out',
    status: raced ? 'match' : mineRaces.length ? 'partial' : 'missing',
    reference: `Step ${race.step + 1} races ${list(race.commands)} commands on one ${refP.aggregate}: one is stored, the other refused.`,
    yours: raced
      ? `Step ${raced.step + 1} races ${list(raced.commands)} commands on one aggregate.`
      : mineRaces.length
        ? `Step ${mineRaces[0]!.step + 1} races ${list(mineRaces[0]!.commands)}, not ${mineCommand ?? command} on one aggregate.`
        : 'No race step in your script (add one with two commands for the same id).',
    why: 'A race step decides two commands on the same state at the same moment, so you can watch optimistic concurrency let exactly one win.',
  });

  const relayed = (s: ScenarioDef, e: string) =>
    (s.topology.relay?.routes ?? []).filter((r) => !r.eventTypes || r.eventTypes.includes(e)).map((r) => r.topic);
  const refTopics = relayed(reference, refEvent);
  if (refTopics.length && refP.events.includes(refEvent)) {
    const ev = mine.events.get(mineEvent);
    const stored = ev && ev.emittedBy.length > 0;
    const topics = ev ? relayed(learner, mineEvent) : [];
    out.push({
      id: 'race:publish',
      topic: 'race',
      title: `${refEvent} published only once decided`,
      status: !ev ? 'missing' : stored && topics.length ? 'match' : stored ? 'partial' : 'different',
      reference: `${refEvent} is stored by the ${refP.aggregate} aggregate first, then published to ${list(refTopics)} by the outbox relay.`,
      yours: !ev
        ? `No event like ${refEvent}.`
        : stored && topics.length
          ? `${mineEvent} is stored by the ${ev.emittedBy[0]} aggregate, then relayed to ${list(topics)}.`
          : stored
            ? `${mineEvent} is stored by the ${ev.emittedBy[0]} aggregate but no relay route publishes it, so no consumer hears of it.`
            : `${mineEvent} is published directly to ${list(ev.topics) || 'a topic'}, without being decided and stored first.`,
      why: 'Publishing only what the aggregate has stored (the outbox) means consumers never hear of the acceptance that lost, and nothing is published that was not stored.',
    });
  }
  return out;
}
