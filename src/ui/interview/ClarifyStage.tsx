import type { Requirement } from '../../scenarios/interview/prompt';
import { PickGroup } from './ChoiceGroup';

/** Clarify the requirements: the questions worth asking the interviewer, among some that are not. */
export function ClarifyStage({
  requirements,
  value,
  onChange,
}: {
  requirements: readonly Requirement[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <PickGroup
      prompt="Which questions do you ask the interviewer before designing? (pick every one that matters)"
      choices={requirements.map((r) => ({ id: r.id, text: r.text, correct: r.relevant, why: r.why }))}
      value={value}
      onChange={onChange}
    />
  );
}
