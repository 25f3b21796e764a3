/**
 * A learner's own design, built in the editor, names things its own way: the grading key's events and
 * commands are found in it by what they do before what they are called. The raced command is the one
 * the learner's race step sends; the winner's event is what that command records; the charge is the
 * command whose specs record both a success and a failure. Only then the reference's name, then words
 * in the name (an accept, a charge, a decline). A role nothing matches is reported as missing.
 */
import { indexScenario } from '../index/scenarioIndex';
import type { ScenarioDef } from '../schema';
import type { GradingKey } from './types';

export type RoleId = 'race-command' | 'accepted' | 'charge-command' | 'captured' | 'failed';

export interface NameMatch {
  role: RoleId;
  /** The reference design's name for it. */
  reference: string;
  /** The learner's name for it, or null: nothing in the design does it. */
  yours: string | null;
  /** How it was found ("your race step sends it"), or what is missing, in words. */
  how: string;
  /** What the role is, in words ("the command two drivers send at once"). */
  what: string;
}

/** Words that name each role, for a design whose structure does not tell. */
const WORDS: Record<RoleId, RegExp> = {
  'race-command': /accept|assign|claim|match|take/i,
  accepted: /accept|assign|claim|match/i,
  'charge-command': /charge|pay|captur|bill|collect/i,
  captured: /captur|charged|paid|collected|succeed|settled/i,
  failed: /fail|declin|reject|refus/i,
};

/** The raced command's aggregate type and the events each command records, read from the design. */
const commandsOf = (s: ScenarioDef) => indexScenario(s).commands;

export function findNames(s: ScenarioDef, key: GradingKey): NameMatch[] {
  const idx = indexScenario(s);
  const commands = commandsOf(s);
  const events = idx.eventTypeNames;
  const out: NameMatch[] = [];
  const match = (role: RoleId, reference: string, what: string, found: [string, string] | null) =>
    out.push({
      role,
      reference,
      what,
      yours: found?.[0] ?? null,
      how: found?.[1] ?? 'not found in your design',
    });
  const byName = (role: RoleId, names: readonly string[], reference: string): [string, string] | null => {
    if (names.includes(reference)) return [reference, 'the same name as the reference'];
    const n = names.find((x) => WORDS[role].test(x));
    return n ? [n, 'its name'] : null;
  };

  if (key.race) {
    const raced = s.steps.flatMap((st) => (st.action.kind === 'race' ? [st.action.commands[0]!.command] : []))[0];
    const command: [string, string] | null =
      raced !== undefined
        ? [raced, 'your race step sends it']
        : byName('race-command', [...commands.keys()], key.race.command);
    match('race-command', key.race.command, `the command ${key.race.actors} send at once`, command);
    const records = command ? (commands.get(command[0])?.emits ?? []) : [];
    match(
      'accepted',
      key.race.accepted,
      'the event that records who won',
      records.length === 1
        ? [records[0]!, `${command![0]} records it`]
        : byName('accepted', records.length > 1 ? records : events, key.race.accepted),
    );
  }

  if (key.payment) {
    const { payment } = key;
    // The charge: a command whose specs record two outcomes, one of them a failure (the fallback).
    const twoWay = [...commands.values()].find((c) => c.emits.length >= 2 && c.emits.some((e) => WORDS.failed.test(e)));
    const charge: [string, string] | null = commands.has(payment.command)
      ? [payment.command, 'the same name as the reference']
      : twoWay
        ? [twoWay.name, `it records both ${twoWay.emits.join(' and ')}`]
        : byName('charge-command', [...commands.keys()], payment.command);
    match('charge-command', payment.command, 'the command that charges the rider', charge);
    const outcomes = charge ? (commands.get(charge[0])?.emits ?? []) : [];
    const failed = outcomes.find((e) => WORDS.failed.test(e));
    match(
      'failed',
      payment.failed,
      'the event that records a declined charge',
      failed ? [failed, `${charge![0]} records it as its failure`] : byName('failed', events, payment.failed),
    );
    const captured = outcomes.find((e) => e !== failed);
    match(
      'captured',
      payment.captured,
      'the event that records a successful charge',
      captured && failed
        ? [captured, `${charge![0]} records it when the charge goes through`]
        : byName(
            'captured',
            events.filter((e) => e !== failed),
            payment.captured,
          ),
    );
  }
  return out;
}

/** Reference name → the learner's, for `resolveKey` (commands and aggregates too); missing roles keep the reference's name. */
export function namesMap(s: ScenarioDef, key: GradingKey, matches: readonly NameMatch[]): Map<string, string> {
  const names = new Map<string, string>();
  const commands = commandsOf(s);
  for (const m of matches) if (m.yours) names.set(m.reference, m.yours);
  const aggregateOf = (role: RoleId, reference: string | undefined) => {
    const yours = matches.find((m) => m.role === role)?.yours;
    const agg = yours ? commands.get(yours)?.aggregate : null;
    if (reference && agg) names.set(reference, agg);
  };
  aggregateOf('race-command', key.race?.aggregate);
  aggregateOf('charge-command', key.payment?.aggregate);
  return names;
}
