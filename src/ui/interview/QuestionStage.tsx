import type { Answer, Answers } from '../../scenarios/interview/answers';
import type { InterviewPrompt, StageId } from '../../scenarios/interview/prompt';
import { ChoiceGroup, PickGroup } from './ChoiceGroup';
import { ownNameProblem } from './ownName';

/** The questions of one design stage (events, topics, consumers), answered with choices, picks or an own name. */
export function QuestionStage({
  prompt,
  stage,
  answers,
  onAnswer,
  onPick,
}: {
  prompt: InterviewPrompt;
  stage: StageId;
  answers: Answers;
  onAnswer: (questionId: string, a: Answer) => void;
  onPick: (pickId: string, ids: string[]) => void;
}) {
  return (
    <>
      {prompt.questions
        .filter((q) => q.stage === stage)
        .map((q) => {
          const a = answers.questions[q.id];
          const own = a && 'ownName' in a ? a.ownName : null;
          const problem = q.ownName && own !== null ? ownNameProblem(prompt, q.ownName.event, own) : null;
          return (
            <ChoiceGroup
              key={q.id}
              name={q.id}
              prompt={q.prompt}
              choices={q.choices}
              value={a && 'choice' in a ? a.choice : own !== null ? 'own' : null}
              onChange={(id) => onAnswer(q.id, { choice: id })}
            >
              {q.ownName && (
                <span className="interview-own">
                  <label className="interview-choice">
                    <input
                      type="radio"
                      name={q.id}
                      value="own"
                      checked={own !== null}
                      onChange={() => onAnswer(q.id, { ownName: own ?? '' })}
                    />
                    My own name:
                  </label>
                  <input
                    type="text"
                    aria-label={`Your own name for: ${q.prompt}`}
                    value={own ?? ''}
                    maxLength={64}
                    onChange={(e) => onAnswer(q.id, { ownName: e.target.value.trim() })}
                    aria-invalid={problem !== null}
                    aria-describedby={problem ? `${q.id}-problem` : undefined}
                  />
                  {problem && (
                    <span id={`${q.id}-problem`} className="interview-problem">
                      {problem}
                    </span>
                  )}
                </span>
              )}
            </ChoiceGroup>
          );
        })}
      {prompt.picks
        .filter((p) => p.stage === stage)
        .map((p) => (
          <PickGroup
            key={p.id}
            prompt={`${p.prompt} (pick every one that applies)`}
            choices={p.choices}
            value={answers.picks[p.id] ?? []}
            onChange={(ids) => onPick(p.id, ids)}
          />
        ))}
    </>
  );
}

/** Whether every question of the stage has a usable answer (an own name must be valid). */
export function stageAnswered(prompt: InterviewPrompt, stage: StageId, answers: Answers): boolean {
  return prompt.questions
    .filter((q) => q.stage === stage)
    .every((q) => {
      const a = answers.questions[q.id];
      if (!a) return false;
      return 'choice' in a || (q.ownName !== undefined && ownNameProblem(prompt, q.ownName.event, a.ownName) === null);
    });
}
