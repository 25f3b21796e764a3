/**
 * Rules `event-past-tense` and `command-imperative`. Events record facts that happened, so their
 * names end in a past participle (`OrderPlaced`, `ReceiptSent`); commands ask for something, so
 * they start with a verb in the imperative (`PlaceOrder`) and never read like a fact.
 */
import type { ScenarioDef } from '../schema';
import type { LintFinding } from './types';
import { endsInPastTense, imperativeSuggestion, pastTenseSuggestion, startsWithImperative } from './words';

/** The first place each event type name is declared or used. */
function eventTypeSites(s: ScenarioDef): Map<string, string> {
  const sites = new Map<string, string>();
  const add = (name: string, path: string) => {
    if (!sites.has(name)) sites.set(name, path);
  };
  const t = s.topology;
  t.eventTypes?.forEach((e, i) => add(e.name, `topology.eventTypes[${i}].name`));
  t.aggregates?.forEach((a, i) =>
    a.commands.forEach((c, j) =>
      c.emit.forEach((e, k) => add(e.eventType, `topology.aggregates[${i}].commands[${j}].emit[${k}].eventType`)),
    ),
  );
  t.services?.forEach((sv, i) =>
    sv.on.forEach((r, j) =>
      r.do.forEach(
        (d, k) =>
          'publish' in d && add(d.publish.eventType, `topology.services[${i}].on[${j}].do[${k}].publish.eventType`),
      ),
    ),
  );
  s.steps.forEach((step, i) => {
    if (step.action.kind === 'publish' || step.action.kind === 'enqueue')
      add(step.action.event.eventType, `steps[${i}].action.event.eventType`);
  });
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
  const seen = new Set<string>();
  s.topology.aggregates?.forEach((a, i) =>
    a.commands.forEach((c, j) => {
      if (seen.has(c.command)) return;
      seen.add(c.command);
      const path = `topology.aggregates[${i}].commands[${j}].command`;
      if (endsInPastTense(c.command) && !startsWithImperative(c.command)) {
        out.push({
          rule: 'command-imperative',
          severity: 'error',
          path,
          message: `"${c.command}" reads like an event (a fact in the past tense); a command is a request that may still be refused.`,
          fix: `Name it as an instruction, e.g. "${imperativeSuggestion(c.command)}", and use "${c.command}" for the event it emits.`,
        });
      } else if (!startsWithImperative(c.command)) {
        out.push({
          rule: 'command-imperative',
          severity: 'info',
          path,
          message: `"${c.command}" does not start with a common verb; commands read best as instructions (verb first).`,
          fix: 'Start the name with what the sender asks for, e.g. "PlaceOrder", "CancelRide".',
        });
      }
    }),
  );
  return out;
}
