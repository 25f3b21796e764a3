/**
 * Every new view renders every built-in scenario at every step (server-rendered, no DOM needed),
 * returns nothing where it has nothing to show, and renders scenario text as text.
 */
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { RunProvider, type PlaybackActor } from '../../state/react';
import { createStore } from 'zustand/vanilla';
import type { StepResult } from '../../engine/types';
import type { World } from '../../scenarios/world';
import { createRunStore, type RunState, type RunStore } from '../../state/runStore';
import { CqrsOverview } from './CqrsOverview';
import { EffectsList } from './EffectsList';
import { EventStoreView } from './EventStoreView';
import { Inspector } from './Inspector';
import { QueueView } from './QueueView';
import { ReadModelsView } from './ReadModelsView';

// Server rendering reads a store's *initial* state, so each step gets a store that starts there.
const storeFor = (base: RunStore, step: number, r: StepResult<World>): RunStore =>
  createStore<RunState>()(() => ({
    ...base.getState(),
    step,
    world: r.world,
    effects: r.effects,
    narration: r.narration,
  }));

function storeAt(id: string, step: number): { store: RunStore } {
  const scenario = findBuiltin(id)!;
  const stepper = new Stepper(scenario, []);
  return { store: storeFor(createRunStore(scenario, 'test-run', [], stepper), step, stepper.at(step)) };
}

const render = (store: RunStore, node: ReactNode) =>
  renderToStaticMarkup(
    createElement(RunProvider, { store, playback: null as unknown as PlaybackActor, children: node }),
  );

const noop = () => {};

describe('views', () => {
  it('render every built-in scenario at every step', () => {
    for (const scenario of allBuiltins()) {
      const stepper = new Stepper(scenario, []);
      const base = createRunStore(scenario, 'run', [], stepper);
      for (let k = 0; k <= stepper.lastStep; k++) {
        const r = stepper.at(k);
        const store = storeFor(base, k, r);
        const last = r.world.log.events.at(-1)?.eventId ?? null;
        expect(() =>
          render(
            store,
            <>
              <EventStoreView selectedEventId={last} onSelectEvent={noop} />
              <ReadModelsView />
              <QueueView />
              <EffectsList />
              <Inspector eventId={last} onSelect={noop} />
              <CqrsOverview />
            </>,
          ),
        ).not.toThrow();
      }
    }
  }, 60_000);

  it('render nothing for a scenario without aggregates, projections or queues', () => {
    const { store } = storeAt('pubsub-basics', 3);
    expect(render(store, <EventStoreView />)).toBe('');
    expect(render(store, <ReadModelsView />)).toBe('');
    expect(render(store, <QueueView />)).toBe('');
    expect(render(store, <CqrsOverview />)).toBe('');
  });

  it('show the stale query, the checkpoint and the aggregate state of the CQRS scenario', () => {
    const { store } = storeAt('cqrs-orders', 3);
    const html = render(store, <ReadModelsView />);
    expect(html).toContain('Stale answer');
    expect(html).toContain('applied up to position 0 of 2 — 2 behind');
    const storeHtml = render(store, <EventStoreView />);
    expect(storeHtml).toContain('Order <span class="mono">1001</span> at revision 0');
    expect(storeHtml).toContain('<strong>placed</strong>');
  });

  it('draw the causal chain of a reaction in the inspector', () => {
    const { store } = storeAt('ride-sharing', 20);
    const events = store.getState().world.log.events;
    const offered = events.find((e) => e.eventType === 'RideOffered')!;
    const html = render(store, <Inspector eventId={offered.eventId} onSelect={noop} />);
    expect(html).toContain('Caused by: command RequestRide → RideRequested');
    expect(html).toContain('urn:event-lab:schema:RideOffered:1');
    expect(html).toMatch(/role="button"[^>]*aria-label="RideRequested/);
  });

  it('list the queue’s waiting and in-flight messages', () => {
    const { store } = storeAt('log-vs-queue', 8);
    const html = render(store, <QueueView />);
    expect(html).toContain('in flight, held by worker-');
    expect(html).toContain('waiting');
  });
});
