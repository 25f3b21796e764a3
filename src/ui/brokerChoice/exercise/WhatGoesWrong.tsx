import type { RunFact, Shown, WhatGoesWrong as Facts } from '../../../scenarios/brokerChoice/exercise';
import { DeliveryList } from '../DeliveryList';

const INTRO: Record<Facts['focus'], string> = {
  fails:
    'Where the order story of the comparison page exercises what your pick does not meet, here is how it ran, next to a best fit’s run:',
  cost: 'Your pick meets every requirement, some only with a workaround. Where the order story exercises those, here is how it ran:',
  all: 'Your pick meets every requirement by itself. Where the order story exercises them, here is how it ran:',
};

/** One broker's side of a step: the table's computed sentence, what it set aside, what the service handled. */
function RunSide({ fact, service, role }: { fact: RunFact; service: string | null; role: string }) {
  return (
    <section className="pick-run" aria-label={`${role}: ${fact.name}`}>
      <h5>
        {role}: {fact.name}
      </h5>
      <p className="pick-fact">{fact.text}</p>
      {fact.gaveUp.map((g, i) => (
        <p key={i} className="broker-gaveup">
          <strong>Set aside: </strong>
          {g.reason}
        </p>
      ))}
      {service && (
        <DeliveryList deliveries={fact.deliveries} label={`What ${service} handled in this step on ${fact.name}`} />
      )}
    </section>
  );
}

function ShownItem({ item }: { item: Shown }) {
  if (!item.exercised)
    return (
      <li>
        <h4>{item.requirement.label}</h4>
        <p className="pick-not-shown">{item.note}</p>
      </li>
    );
  return (
    <li>
      <h4>{item.requirement.label}</h4>
      <p>
        Step “{item.beatTitle}” — {item.question.toLowerCase()}
        {item.service ? `; what ${item.service} handled:` : ':'}
      </p>
      <div className="pick-runs">
        <RunSide fact={item.pick} service={item.service} role="Your pick" />
        {item.best && <RunSide fact={item.best} service={item.service} role="Best fit" />}
      </div>
      {item.limits && <p className="pick-limits">{item.limits}</p>}
    </li>
  );
}

/** "What goes wrong": the pick's run of the order story next to a best fit's, at the steps that matter. */
export function WhatGoesWrong({ facts }: { facts: Facts }) {
  return (
    <section className="pick-wrong" aria-labelledby="pick-wrong-heading">
      <h3 id="pick-wrong-heading">{facts.focus === 'fails' ? 'What goes wrong' : 'Your pick on the order story'}</h3>
      <p>{INTRO[facts.focus]}</p>
      <ul className="pick-shown">
        {facts.shown.map((s) => (
          <ShownItem key={s.requirement.id} item={s} />
        ))}
      </ul>
      <p>
        <a href="#/compare-brokers">Step through the whole story on the comparison page</a>
      </p>
    </section>
  );
}
