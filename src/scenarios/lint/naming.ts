/**
 * Rules `event-past-tense` and `command-imperative`. Events record facts that happened, so their
 * names end in a past participle (`OrderPlaced`, `ReceiptSent`); commands ask for something, so
 * they start with a verb in the imperative (`PlaceOrder`) and never read like a fact.
 */
import { formatPath } from '../index/jsonPath';
import { indexScenario, isWrite } from '../index/scenarioIndex';
import type { ScenarioDef } from '../schema';
import type { LintFinding } from './types';
import { endsInPastTense, imperativeSuggestion, pastTenseSuggestion, startsWithImperative } from './words';

/** The first place each event type is named: its declaration, else the first place that writes it. */
function eventTypeSites(s: ScenarioDef): Map<string, string> {
  const idx = indexScenario(s);
  const sites = new Map<string, string>();
  for (const e of idx.eventTypes.values())
    if (e.declared) sites.set(e.name, formatPath(['topology', 'eventTypes', e.declared.index, 'name']));
  for (const r of idx.refs) if (isWrite(r) && !sites.has(r.name)) sites.set(r.name, formatPath(r.path));
  return sites;
}

export function namingFindings(s: ScenarioDef): LintFinding[] {
  const out: LintFinding[] = [];
  for (const [name, path] of eventTypeSites(s)) {
    if (endsInPastTense(name)) continue;
    const commandLike = startsWithImperative(name);
    out.push({
      rule: 'event-past-tense',
      severity: commandLike ? 'error' : 'warning',
      path,
      message: commandLike
        ? `"${name}" reads like a command (an instruction), not an event: an event records a fact that already happened.`
        : `"${name}" does not end in a past-tense verb: an event names a fact that happened, so consumers know it is done and cannot be refused.`,
      fix: `Name it in the past tense, e.g. "${pastTenseSuggestion(name)}"${commandLike ? `, and keep "${name}" for the command that causes it` : ''}.`,
    });
  }
  // Each command once, at its first declaration (the one that decides it).
  for (const c of indexScenario(s).commands.values()) {
    const name = c.name;
    const path = formatPath(['topology', 'aggregates', c.aggregateIndex, 'commands', c.specs[0]!, 'command']);
    if (endsInPastTense(name) && !startsWithImperative(name)) {
      out.push({
        rule: 'command-imperative',
        severity: 'error',
        path,
        message: `"${name}" reads like an event (a fact in the past tense); a command is a request that may still be refused.`,
        fix: `Name it as an instruction, e.g. "${imperativeSuggestion(name)}", and use "${name}" for the event it emits.`,
      });
    } else if (!startsWithImperative(name)) {
      out.push({
        rule: 'command-imperative',
        severity: 'info',
        path,
        message: `"${name}" does not start with a common verb; commands read best as instructions (verb first).`,
        fix: 'Start the name with what the sender asks for, e.g. "PlaceOrder", "CancelRide".',
      });
    }
  }
  return out;
}
