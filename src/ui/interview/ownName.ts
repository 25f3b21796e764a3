/** Checking a learner's own name for an event before it renames the event in their design. */
import type { InterviewPrompt } from '../../scenarios/interview/prompt';

const PASCAL = /^[A-Z][A-Za-z0-9]{1,63}$/;

/** Why the name cannot be used, or null when it can. */
export function ownNameProblem(prompt: InterviewPrompt, event: string, name: string): string | null {
  if (name === '') return 'Type a name, or pick one of the names above.';
  if (!PASCAL.test(name)) return 'Use one word in PascalCase, letters and digits only (like OrderPlaced).';
  const taken = (prompt.reference.topology.eventTypes ?? []).some((e) => e.name === name && e.name !== event);
  return taken ? `${name} is already another event of this design; pick a name of its own.` : null;
}
