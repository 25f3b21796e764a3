/**
 * Whether a built-in practice is over (`practiceOver.ts`) by the progress stored on this device: a chunk of its
 * own, loaded by the start page after its first paint (it reads IndexedDB, and a built-in's file only when some
 * of its practice questions are answered and the rest must be counted). Nothing stored, or nothing readable: not
 * over, so the tags stay hidden.
 */
import { loadBuiltin } from '../scenarios/content/lazy';
import { readProgress } from '../state/progressStore';
import { practiceOver, practiceRevealed } from './practiceOver';

export async function practiceOverOnDevice(id: string): Promise<boolean> {
  if (practiceRevealed(id)) return true;
  const progress = await readProgress();
  const furthestStep = progress.scenarios.find((p) => p.scenarioId === id)?.furthestStep ?? 0;
  const answered = new Set(progress.questions.filter((q) => q.scenarioId === id).map((q) => q.questionId));
  if (furthestStep > 0) return true;
  if (![...answered].some((q) => q.startsWith('practice:'))) return false;
  const questionIds = (await loadBuiltin(id))?.practice?.questions.map((q) => q.id) ?? [];
  return (
    questionIds.length > 0 && practiceOver({ questionIds, answered, furthestStep, revealed: practiceRevealed(id) })
  );
}
