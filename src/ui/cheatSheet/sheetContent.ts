/**
 * What a scenario's cheat sheet says, from its content and the learner's progress: the takeaways,
 * the key figures of its system (topics, partitions, consumer groups…), and the points the learner
 * missed, each with the right answer, and a design grade that missed checks (each failing check with its
 * sentence and where it is taught). Pure, so it is tested without a page.
 */
import { studyHref } from '../../scenarios/interview/study';
import type { GradeNote } from '../../scenarios/practiceGradeNote';
import type { ScenarioDef } from '../../scenarios/schema';
import { scenarioTally, type QuestionProgress } from '../../state/progress';
import { DESIGN_GRADE_ID } from '../PracticeGradeReview';
import { practiceOver, practiceRevealed } from '../practiceOver';

export interface MissedPoint {
  id: string;
  prompt: string;
  /** The right answer in words: the right choices, then the explanation. */
  answer: string;
  step: number;
}

export interface Sheet {
  id: string;
  title: string;
  takeaways: readonly string[];
  figures: string[];
  concepts: readonly string[];
  missed: MissedPoint[];
  tally: ReturnType<typeof scenarioTally>;
  /** How far the learner got: the furthest step of how many, or null when not recorded. */
  reached: { step: number; of: number } | null;
  /** The learner's design, graded by the simulator, when its latest grade missed checks; null otherwise. */
  missedDesign: MissedDesign | null;
  /** A built-in practice neither answered nor watched: its takeaways, figures and concepts (left empty) would answer it. */
  held: boolean;
}

/** A missed design grade: each failing check with its sentence and study link, and the help the design had. */
export interface MissedDesign {
  /** Empty for a grade recorded before the failing checks were kept with it. */
  failed: { title: string; feedback: string; studyTitle: string; studyHref: string }[];
  help: Pick<GradeNote, 'hintsUsed' | 'hintsAvailable' | 'referenceShown'> | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The member a script step adds to or polls for a group, if any (every such action names `group` and `member`). */
function joinerOf(action: ScenarioDef['steps'][number]['action'], group: string): string[] {
  const a = action as { group?: unknown; member?: unknown };
  return a.group === group && typeof a.member === 'string' ? [a.member] : [];
}

/** The system's numbers, as the scenario's topology and script set them. */
export function keyFigures(s: ScenarioDef): string[] {
  const t = s.topology;
  const out = [`${plural(s.steps.length, 'step')}, ${s.stepMs} ms of simulated time each`];
  for (const topic of t.topics)
    out.push(
      `Topic “${topic.name}”: ${plural(topic.partitions, 'partition')}${topic.cleanupPolicy === 'compact' ? ', compacted' : ''}${topic.retentionMs ? `, retention ${topic.retentionMs} ms` : ''}`,
    );
  for (const g of t.groups ?? []) {
    // Members may also join during the run (a script step names them), as Backpressure's packers do.
    const members = new Set([...g.members, ...s.steps.flatMap((st) => joinerOf(st.action, g.id))]);
    const joining = members.size > g.members.length ? ' over the run' : '';
    out.push(
      `Consumer group “${g.label ?? g.id}”: ${plural(members.size, 'member')}${joining}, reads ${g.topics.join(', ')}`,
    );
  }
  for (const a of t.aggregates ?? []) out.push(`Aggregate “${a.type}”: ${plural(a.commands.length, 'command')}`);
  for (const p of t.projections ?? []) out.push(`Read model “${p.name}”`);
  return out;
}

function missedPoint(s: ScenarioDef, q: QuestionProgress): MissedPoint | null {
  if (q.questionId.startsWith('practice:')) {
    const p = s.practice?.questions.find((x) => `practice:${x.id}` === q.questionId);
    if (!p) return null;
    const right = (p.choices ?? []).filter((c) => c.inReference).map((c) => c.text);
    return { id: q.id, prompt: p.prompt, answer: [...right, p.reference].join(' · '), step: 0 };
  }
  const i = s.steps.findIndex((x) => x.question?.id === q.questionId);
  const question = i < 0 ? undefined : s.steps[i]!.question;
  if (!question) return null;
  const right = (question.choices ?? []).filter((c) => c.correct).map((c) => c.text);
  return { id: q.id, prompt: question.prompt, answer: [...right, question.explanation].join(' · '), step: i + 1 };
}

function missedDesign(q: QuestionProgress | undefined): MissedDesign | null {
  if (!q || q.lastCorrect) return null;
  const note = q.designGrade;
  if (!note) return { failed: [], help: null };
  const { failed, ...help } = note;
  return {
    failed: failed.map((f) => ({
      title: f.title,
      feedback: f.feedback,
      studyTitle: f.study.title,
      studyHref: studyHref(f.study),
    })),
    help,
  };
}

/**
 * A built-in practice not over yet (ui/practiceOver.ts: a question still unanswered, its run not stepped into, not
 * skipped on this page): the player hides the reference then (ui/practiceGate.ts), and its takeaways, key figures
 * (topics, consumer groups) and concept tags are that reference's answers. A learner's own copy is theirs, shown whole.
 */
export function practiceHeld(
  s: ScenarioDef,
  questions: readonly QuestionProgress[],
  furthestStep: number | undefined,
  builtin: boolean,
): boolean {
  if (!builtin || !s.practice) return false;
  const answered = new Set(questions.filter((q) => q.scenarioId === s.id).map((q) => q.questionId));
  return !practiceOver({
    questionIds: s.practice.questions.map((q) => q.id),
    answered,
    furthestStep: furthestStep ?? 0,
    revealed: practiceRevealed(s.id),
  });
}

export function sheetOf(
  s: ScenarioDef,
  questions: readonly QuestionProgress[],
  furthestStep: number | undefined,
  builtin = false,
): Sheet {
  const mine = questions.filter((q) => q.scenarioId === s.id);
  const held = practiceHeld(s, questions, furthestStep, builtin);
  return {
    id: s.id,
    title: s.title,
    takeaways: held ? [] : s.takeaways,
    figures: held ? [] : keyFigures(s),
    concepts: held ? [] : s.concepts,
    missed: mine.filter((q) => !q.lastCorrect).flatMap((q) => missedPoint(s, q) ?? []),
    tally: scenarioTally(questions, s.id),
    reached: furthestStep === undefined ? null : { step: furthestStep, of: s.steps.length },
    missedDesign: missedDesign(mine.find((q) => q.questionId === DESIGN_GRADE_ID)),
    held,
  };
}
