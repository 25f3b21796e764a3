import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { PracticeGrade } from '../scenarios/interview/practiceGrade';
import { gradeNoteOf, helpOf, type GradeNote } from '../scenarios/practiceGradeNote';
import type { ScenarioDef } from '../scenarios/schema';
import { recordOutcome } from '../state/progressStore';
import { useRun } from '../state/react';
import { PracticeGradeHints } from './PracticeGradeHints';
import { DESIGN_GRADE_ID } from './PracticeGradeReview';

// The grader (the interview's rubric, its runs and the stepper) and its scorecard load when asked for.
const PracticeGradeResult = lazy(() => import('./PracticeGradeResult'));

type State =
  | { kind: 'idle' }
  | { kind: 'grading' }
  | { kind: 'invalid'; issues: string[] }
  | { kind: 'graded'; grade: PracticeGrade; of: ScenarioDef; recorded: string; note: GradeNote };

/**
 * "Grade my design": the learner's design, as it stands in the editor, graded by the ride-sharing
 * interview's rubric and run under faults (`scenarios/interview/practiceGrade.ts`). The grade is
 * recorded in progress like the practice's other answers, with the help the design had (the practice's
 * hints opened in this design's run, a comparison with the reference) as a fact beside it, never a penalty,
 * and the failing checks for the cheat sheet (`scenarios/practiceGradeNote.ts`).
 */
export function PracticeGradePanel({ design, reference }: { design: ScenarioDef; reference: ScenarioDef }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const answers = useRun((s) => s.answers);
  // A design that keeps the practice (a fork of it) shows its questions and hint ladders in the practice panel.
  const carriesPractice = useRun((s) => s.scenario.practice !== undefined);
  const grade = () => {
    const note = (g: PracticeGrade) => gradeNoteOf(g, helpOf(reference, answers));
    setState({ kind: 'grading' });
    void import('../scenarios/interview/practiceGrade').then(({ gradePracticeDesign }) => {
      const r = gradePracticeDesign(design);
      if (!r.ok) return setState({ kind: 'invalid', issues: r.issues.map((i) => `${i.path}: ${i.message}`) });
      const { passed, total } = r.grade.score;
      const designGrade = note(r.grade);
      const graded = (recorded: string) =>
        setState({ kind: 'graded', grade: r.grade, of: design, recorded, note: designGrade });
      graded('Recording it in your progress…');
      recordOutcome({
        scenarioId: reference.id,
        questionId: DESIGN_GRADE_ID,
        concepts: reference.concepts,
        correct: passed === total,
        designGrade,
      }).then(
        () => graded('Recorded in your progress, with the help you had: nothing is taken off for it.'),
        () => graded('Not recorded: this browser’s storage is unavailable, so your progress is unchanged.'),
      );
    });
  };
  return (
    <section className="panel design-compare practice-grade" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Grade my design</h2>
      <p className="hint">
        Grades your design as it stands in the editor by the ride-sharing interview’s rubric, then runs it under four
        faults — two drivers accepting at once, a duplicate delivery, a crash before the commit, a payment declined —
        and checks what happened: exactly one driver assigned, the rider charged once and told the truth.
      </p>
      {!carriesPractice && <PracticeGradeHints reference={reference} />}
      <div className="compare-bar">
        <button type="button" className="primary" onClick={grade} disabled={state.kind === 'grading'}>
          {state.kind === 'graded' ? 'Grade my design again' : 'Grade my design'}
        </button>
      </div>
      {state.kind === 'grading' && (
        <p role="status" className="hint">
          Grading: running your design…
        </p>
      )}
      {state.kind === 'invalid' && (
        <div role="alert">
          <p>Your design does not validate yet, so it cannot be run. Fix these in the editor first:</p>
          <ul>
            {state.issues.slice(0, 8).map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'graded' && (
        <Suspense fallback={<p className="hint">Loading the scorecard…</p>}>
          <PracticeGradeResult
            grade={state.grade}
            stale={state.of !== design}
            recorded={state.recorded}
            help={state.note}
            headingRef={heading}
          />
        </Suspense>
      )}
    </section>
  );
}
