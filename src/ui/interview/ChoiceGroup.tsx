import type { Choice } from '../../scenarios/interview/prompt';

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
  return (
    <fieldset className="interview-question">
      <legend>{prompt}</legend>
      {choices.map((c) => (
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
  return (
    <fieldset className="interview-question">
      <legend>{prompt}</legend>
      {choices.map((c) => (
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
