import { endingLagNote } from '../state/endingLag';
import { useRun } from '../state/react';
import { EditorStaleNotice } from './EditorStale';
import { AllEffects, OriginalStory, Takeaways, ToldNote } from './NarrationParts';

/** What is happening and why, in plain words; the takeaways once the story is over. */
export function NarrationPanel() {
  const narration = useRun((s) => s.narration);
  const step = useRun((s) => s.step);
  const lastStep = useRun((s) => s.lastStep);
  const takeaways = useRun((s) => s.scenario.takeaways);
  // A learner's design carries its reference's takeaways: they are labelled as the reference's.
  const ofReference = useRun((s) => s.stepper.differsFromReference());
  const broker = useRun((s) => s.world.broker);
  const lagNote = step === lastStep ? endingLagNote(broker) : null;
  return (
    <section className="panel narration" aria-labelledby="narration-title" aria-live="polite">
      <p className="eyebrow">{step === 0 ? 'Before the first step' : `Step ${step} of ${lastStep}`}</p>
      <h2 id="narration-title">
        <NarrationTitle title={narration.title} lead={narration.titleLead} />
      </h2>
      <p>{narration.text}</p>
      <EditorStaleNotice />
      <ToldNote narration={narration} />
      <AllEffects narration={narration} />
      {narration.original && <OriginalStory original={narration.original} />}
      {step === lastStep && lagNote && <p className="hint ending-lag">{lagNote}</p>}
      {step === lastStep && <Takeaways takeaways={takeaways} ofReference={ofReference} />}
    </section>
  );
}

/** The step's title; a lead such as "In the original:" in a muted label of its own (the heading's text is unchanged). */
function NarrationTitle({ title, lead }: { title: string; lead: string | undefined }) {
  if (!lead || !title.startsWith(`${lead}: `)) return title;
  return (
    <>
      <span className="title-lead">{lead}:</span> {title.slice(lead.length + 2)}
    </>
  );
}
