/** The practice's design grade in the learner's progress: one record per built-in, right only with full marks. */
export const DESIGN_GRADE_ID = 'practice-design:graded';

/**
 * The review queue's card for a design grade that missed points: there is no question to answer here,
 * only the design to grade again (a full score schedules it later, as any right answer does).
 */
export function PracticeGradeReview({
  scenarioId,
  scenarioTitle,
  hasNext,
  onDone,
}: {
  scenarioId: string;
  scenarioTitle: string;
  hasNext: boolean;
  onDone(next: boolean): void;
}) {
  return (
    <article className="review-card" aria-label="Your design, graded by the simulator">
      <p className="eyebrow">{scenarioTitle} · practice</p>
      <h3>Your design, graded by the simulator</h3>
      <p>
        When you last graded your own design for this practice, some checks failed. Open your design from “My scenarios”
        and use “Grade my design” again: a full score brings it back later, a miss brings it back soon.
      </p>
      <p className="review-next">
        <a href={`#/s/${encodeURIComponent(scenarioId)}/0`}>Open the practice in the player</a>
        <button type="button" onClick={() => onDone(hasNext)}>
          {hasNext ? 'Next question' : 'Done'}
        </button>
      </p>
    </article>
  );
}
