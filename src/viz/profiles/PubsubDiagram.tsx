import { useMemo } from 'react';
import type { PubsubEffect, PubsubState } from '../../engine/pubsub';
import { pubsubSpec } from './pubsubSpec';
import { ProfileDiagramView } from './ProfileDiagramView';

/** The Pub/Sub profile's diagram for one step: its state after the step, marked with the step's effects. */
export function PubsubDiagram({
  state,
  effects,
  seen,
  name,
}: {
  state: PubsubState;
  effects: readonly PubsubEffect[];
  seen?: readonly PubsubEffect[];
  name?: string;
}) {
  const spec = useMemo(() => pubsubSpec(state, effects, seen ?? effects, name), [state, effects, seen, name]);
  return <ProfileDiagramView spec={spec} />;
}
