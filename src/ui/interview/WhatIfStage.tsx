import type { WhatIf } from '../../scenarios/interview/prompt';
import { ChoiceGroup } from './ChoiceGroup';

/** The interviewer's what-ifs drawn for this interview, each answered by a strategy (some change the design). */
export function WhatIfStage({
  whatIfs,
  value,
  onChange,
}: {
  whatIfs: readonly WhatIf[];
  value: Readonly<Record<string, string>>;
  onChange: (id: string, choice: string) => void;
}) {
  return (
    <>
      <p className="interview-note">
        The interviewer asks {whatIfs.length} follow-ups. Your answers change the design where they can; on the
        scorecard each is checked by running the design, or says why the simulator cannot run it.
      </p>
      {whatIfs.map((w) => (
        <ChoiceGroup
          key={w.id}
          name={`what-if-${w.id}`}
          prompt={w.prompt}
          choices={w.choices}
          value={value[w.id] ?? null}
          onChange={(c) => onChange(w.id, c)}
        />
      ))}
    </>
  );
}
