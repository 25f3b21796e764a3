import { useEffect, useState } from 'react';
import { helpInWords } from '../../scenarios/practiceGradeNote';
import type { ScenarioDef } from '../../scenarios/schema';
import { conceptTallies, type QuestionProgress } from '../../state/progress';
import { readProgress, savedScenarioFor } from '../../state/progressStore';
import { CONCEPTS_AFTER_PRACTICE } from '../practiceOver';
import { sheetOf, type MissedDesign, type Sheet } from './sheetContent';
import './cheatSheet.css';

type Loaded = { sheets: Sheet[]; questions: QuestionProgress[]; unknown: boolean };

async function load(scenarioId: string | null): Promise<Loaded> {
  const [{ allBuiltins, findBuiltin }, progress] = await Promise.all([
    import('../../scenarios/content'),
    readProgress().catch(() => ({ questions: [], scenarios: [], saved: [] })),
  ]);
  const reached = new Map(progress.scenarios.map((p) => [p.scenarioId, p.furthestStep]));
  const studiedId = (id: string) => reached.has(id) || progress.questions.some((q) => q.scenarioId === id);
  const studied = (s: ScenarioDef) => studiedId(s.id);
  if (scenarioId !== null) {
    const s = findBuiltin(scenarioId) ?? (await savedScenarioFor(scenarioId));
    return s
      ? {
          sheets: [sheetOf(s, progress.questions, reached.get(s.id), !!findBuiltin(s.id))],
          questions: progress.questions,
          unknown: false,
        }
      : { sheets: [], questions: [], unknown: true };
  }
  // Your saved scenarios studied come after the built-ins (their progress is kept the same way).
  const own = await Promise.all(
    progress.saved.filter((s) => studiedId(s.scenarioId)).map((s) => savedScenarioFor(s.scenarioId)),
  );
  const sheets = [...allBuiltins().filter(studied), ...own.filter((s): s is ScenarioDef => s !== null)].map((s) =>
    sheetOf(s, progress.questions, reached.get(s.id), !!findBuiltin(s.id)),
  );
  return { sheets, questions: progress.questions, unknown: false };
}

/** A printable page: one scenario's cheat sheet, or one for everything studied (with progress per concept). */
export default function CheatSheetPage({ scenarioId }: { scenarioId: string | null }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    setLoaded(null);
    void load(scenarioId).then(setLoaded);
  }, [scenarioId]);
  useEffect(() => {
    document.title = scenarioId === null ? 'Cheat sheet — Event Lab' : `Cheat sheet: ${scenarioId} — Event Lab`;
  }, [scenarioId]);
  const all = scenarioId === null;
  return (
    <main className="cheat-sheet">
      <nav className="cheat-nav">
        <a href="#/">← All scenarios</a>
        {!all && <a href="#/cheat-sheet">Everything you studied</a>}
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </nav>
      <h1>{all ? 'Cheat sheet: everything you studied' : 'Cheat sheet'}</h1>
      {loaded === null ? (
        <p className="loading">Loading…</p>
      ) : loaded.unknown ? (
        <p>There is no scenario “{scenarioId}”, neither built in nor saved on this device.</p>
      ) : loaded.sheets.length === 0 ? (
        <p>Nothing studied yet on this device: open a scenario, step through it and answer its questions.</p>
      ) : (
        <>
          {all && <Concepts questions={loaded.questions} />}
          {loaded.sheets.map((s) => (
            <ScenarioSheet key={s.id} sheet={s} linked={all} />
          ))}
        </>
      )}
    </main>
  );
}

function Concepts({ questions }: { questions: QuestionProgress[] }) {
  const tallies = [...conceptTallies(questions)];
  if (tallies.length === 0) return null;
  return (
    <section className="sheet" aria-labelledby="concepts-title">
      <h2 id="concepts-title">By concept</h2>
      <p className="sheet-progress">
        A question counts toward each of its scenario’s concepts that its prompt or explanation names; one that names
        none counts toward the scenario’s main concept (the first in its list).
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Concept</th>
            <th scope="col">Questions</th>
            <th scope="col">Answers right</th>
            <th scope="col">Answers wrong</th>
          </tr>
        </thead>
        <tbody>
          {tallies.map(([c, t]) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              <td>{t.answered}</td>
              <td>{t.right}</td>
              <td>{t.wrong}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ScenarioSheet({ sheet, linked }: { sheet: Sheet; linked: boolean }) {
  const id = `sheet-${sheet.id}`;
  return (
    <section className="sheet" aria-labelledby={id}>
      <h2 id={id}>
        {linked ? <a href={`#/cheat-sheet/${encodeURIComponent(sheet.id)}`}>{sheet.title}</a> : sheet.title}
      </h2>
      <p className="sheet-progress">
        {sheet.reached ? `Reached step ${sheet.reached.step} of ${sheet.reached.of}. ` : ''}
        {sheet.tally.answered > 0
          ? `Questions answered: ${sheet.tally.answered} (${sheet.tally.right} right, ${sheet.tally.wrong} wrong answers).`
          : 'No questions answered yet.'}
      </p>
      {sheet.held ? (
        <p className="hint">
          Its takeaways, key figures and concepts are the reference design’s answers to its practice, so they appear
          here once you have answered every practice question or stepped into its reference run.
        </p>
      ) : (
        <>
          <h3>Takeaways</h3>
          <ul>
            {sheet.takeaways.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          <h3>Key figures</h3>
          <ul>
            {sheet.figures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      )}
      <p className="sheet-concepts">
        {sheet.held ? CONCEPTS_AFTER_PRACTICE : `Concepts: ${sheet.concepts.join(', ')}`}
      </p>
      <h3>What you missed</h3>
      {sheet.missed.length === 0 && !sheet.missedDesign && (
        <p>Nothing missed{sheet.tally.answered === 0 ? ' (no answers yet)' : ''}.</p>
      )}
      {sheet.missed.length > 0 && (
        <ul className="sheet-missed">
          {sheet.missed.map((m) => (
            <li key={m.id}>
              <strong>{m.prompt}</strong> {m.answer}{' '}
              <a className="no-print" href={`#/s/${encodeURIComponent(sheet.id)}/${m.step}`}>
                (replay {m.step === 0 ? 'the practice' : `step ${m.step}`})
              </a>
            </li>
          ))}
        </ul>
      )}
      {sheet.missedDesign && <DesignMissed design={sheet.missedDesign} />}
    </section>
  );
}

/** The learner's design as the simulator last graded it: each failing check, its sentence and where it is taught. */
function DesignMissed({ design }: { design: MissedDesign }) {
  return (
    <section className="sheet-design" aria-label="Your design, graded by the simulator">
      <h4>Your design, graded by the simulator</h4>
      {design.failed.length === 0 ? (
        <p>
          Your latest grade missed checks, but it was recorded before the failing checks were kept with it: grade your
          design again to list them here.
        </p>
      ) : (
        <>
          <p>Your latest “Grade my design” failed {design.failed.length === 1 ? 'this check' : 'these checks'}:</p>
          <ul className="sheet-missed">
            {design.failed.map((f) => (
              <li key={f.title}>
                <strong>{f.title}.</strong> {f.feedback} <a href={f.studyHref}>Study: {f.studyTitle}</a>
              </li>
            ))}
          </ul>
          {design.help && <p className="sheet-progress">{helpInWords(design.help)}</p>}
        </>
      )}
    </section>
  );
}
