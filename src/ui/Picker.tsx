import type { ReactNode } from 'react';
import type { ScenarioSummary } from '../scenarios/summary';
import { learningPath } from '../scenarios/path';
import { ErrorBoundary } from './ErrorBoundary';
import { CONCEPTS_AFTER_PRACTICE } from './practiceOver';
import { ReviewEntry } from './review/ReviewEntry';
import { usePracticeOver } from './usePracticeOver';
import './learningPath.css';

/** The start page: every scenario with what it teaches, grouped as a learning path; each is a link that can be shared. */
export function Picker({ scenarios, children }: { scenarios: readonly ScenarioSummary[]; children?: ReactNode }) {
  return (
    <main className="picker">
      <header className="hero">
        <h1>Event Lab</h1>
        <p>
          Step through event-driven systems one event at a time: watch records land in partitions, consumer groups share
          the work, and offsets move. Everything runs in your browser; your progress is kept on this device.
        </p>
      </header>
      <ReviewEntry scenarios={scenarios} />
      <p className="picker-compare">
        Compare brokers: <a href="#/compare-brokers">Choosing a broker</a> — one order story on Kafka, RabbitMQ, SNS +
        SQS, NATS JetStream, Google Cloud Pub/Sub and Amazon EventBridge, side by side.
      </p>
      <p className="picker-compare">
        Test yourself: <a href="#/pick-a-broker">Pick the broker</a> — a broker for each of several systems, your choice
        graded with the documented reasons, and what goes wrong on its run.
      </p>
      <p className="picker-compare">
        Rehearse: <a href="#/mock-interview">Mock interview</a> — a timed design conversation with what-ifs, your design
        graded by the rubric and by running it under faults.
      </p>
      <h2>Guided scenarios</h2>
      <p className="picker-path-intro">
        A learning path, from the basics to design practice; each part builds on the ones before it.
      </p>
      <ErrorBoundary part="the guided scenarios" home={false}>
        {learningPath(scenarios).map(({ group, scenarios: inGroup }, i) => (
          <section key={group.id} className="path-group" aria-labelledby={`path-${group.id}`}>
            <h3 id={`path-${group.id}`}>
              <span className="path-step">{i + 1}.</span> {group.title}
            </h3>
            <p className="path-blurb">{group.blurb}</p>
            <ul className="cards">
              {inGroup.map((s) => (
                <ScenarioCard key={s.id} s={s} />
              ))}
            </ul>
          </section>
        ))}
      </ErrorBoundary>
      <ErrorBoundary part="your saved scenarios" home={false}>
        {children}
      </ErrorBoundary>
    </main>
  );
}

/**
 * One scenario on the start page: its title (a link that can be shared), level, size and what it teaches. A
 * practice's summary and concept tags tell its answers (two drivers accepting at once; idempotent consumer, outbox
 * relay…): until the practice is over (`practiceOver.ts`) the card shows its teaser, which sets the scene, and a
 * sentence saying the concepts come after; then the summary and the tags.
 */
function ScenarioCard({ s }: { s: ScenarioSummary }) {
  const over = usePracticeOver(s.id, s.practice);
  return (
    <li className="card">
      <a href={`#/s/${encodeURIComponent(s.id)}`}>
        <h4>{s.title}</h4>
      </a>
      <p>
        <span className="badge">{s.level}</span>{' '}
        <span className="meta">
          {s.steps} steps{s.practice ? ' · practice mode' : ''}
        </span>
      </p>
      <p>{over ? s.summary : (s.teaser ?? s.summary)}</p>
      {over ? (
        <p className="concepts">
          <span className="visually-hidden">Concepts: </span>
          {s.concepts.map((c) => (
            <span key={c} className="chip">
              {c}
            </span>
          ))}
        </p>
      ) : (
        <p className="concepts meta">{CONCEPTS_AFTER_PRACTICE}</p>
      )}
    </li>
  );
}
