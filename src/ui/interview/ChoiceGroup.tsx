import type { Choice } from '../../scenarios/interview/prompt';
import { useSeededOrder } from '../useLearnerOrder';

/**
 * A question's choices in this learner's order (issue 17: authored with the right answer first, choosing the
 * first of each scored 11 of 12). The practice's shuffle: the device's seed and a key of the question's own
 * (its prompt), so a reload or another interview of the same prompt shows the same order.
 */
const useChoiceOrder = (choices: readonly Choice[], prompt: string) =>
  useSeededOrder(choices, `mock-interview/${prompt}`);

/** One question as a group of radio buttons (a fieldset named by its prompt), keyboard usable as such. */
export function ChoiceGroup({
  name,
  prompt,
  choices,
  value,
  onChange,
  children,
}: {
  name: string;
  prompt: string;
  choices: readonly Choice[];
  value: string | null;
  onChange: (choiceId: string) => void;
  /** More options after the choices (an own-name field). */
  children?: React.ReactNode;
}) {
  const ordered = useChoiceOrder(choices, prompt);
  return (
    <fieldset className="interview-question">
      <legend>{prompt}</legend>
      {ordered.map((c) => (
        <label key={c.id} className="interview-choice">
          <input type="radio" name={name} value={c.id} checked={value === c.id} onChange={() => onChange(c.id)} />
          {c.text}
        </label>
      ))}
      {children}
    </fieldset>
  );
}

/** A question where several answers can be right: checkboxes. */
export function PickGroup({
  prompt,
  choices,
  value,
  onChange,
}: {
  prompt: string;
  choices: readonly Choice[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const ordered = useChoiceOrder(choices, prompt);
  return (
    <fieldset className="interview-question">
      <legend>{prompt}</legend>
      {ordered.map((c) => (
        <label key={c.id} className="interview-choice">
          <input
            type="checkbox"
            checked={value.includes(c.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, c.id] : value.filter((x) => x !== c.id))}
          />
          {c.text}
        </label>
      ))}
    </fieldset>
  );
}
