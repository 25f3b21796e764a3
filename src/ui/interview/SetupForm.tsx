import { useState } from 'react';
import type { InterviewPrompt } from '../../scenarios/interview/prompt';
import type { Length } from './stages';

/** Pick a prompt and a length, then start. */
export function SetupForm({
  prompts,
  onStart,
}: {
  prompts: readonly InterviewPrompt[];
  onStart: (prompt: InterviewPrompt, length: Length) => void;
}) {
  const [promptId, setPromptId] = useState(prompts[0]!.id);
  const [length, setLength] = useState<Length>(20);
  const chosen = prompts.find((p) => p.id === promptId)!;
  return (
    <form
      className="interview-setup"
      onSubmit={(e) => {
        e.preventDefault();
        onStart(chosen, length);
      }}
    >
      <fieldset className="interview-question">
        <legend>The prompt</legend>
        {prompts.map((p) => (
          <label key={p.id} className="interview-choice">
            <input type="radio" name="prompt" checked={p.id === promptId} onChange={() => setPromptId(p.id)} />
            <span>
              <strong>{p.title}</strong> — {p.brief}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="interview-question">
        <legend>Length</legend>
        {([20, 45] as const).map((n) => (
          <label key={n} className="interview-choice">
            <input type="radio" name="length" checked={length === n} onChange={() => setLength(n)} />
            {n} minutes{n === 20 ? ' (two what-ifs)' : ' (three what-ifs, more time per stage)'}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="interview-primary">
        Start the interview
      </button>
    </form>
  );
}
