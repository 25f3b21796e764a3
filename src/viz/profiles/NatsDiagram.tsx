import { useMemo } from 'react';
import type { NatsEffect, NatsState } from '../../engine/nats';
import { natsSpec } from './natsSpec';
import { ProfileDiagramView } from './ProfileDiagramView';

/** The NATS JetStream profile's diagram for one step: its state after the step, marked with the step's effects. */
export function NatsDiagram({
  state,
  effects,
  name,
}: {
  state: NatsState;
  effects: readonly NatsEffect[];
  name?: string;
}) {
  const spec = useMemo(() => natsSpec(state, effects, name), [state, effects, name]);
  return <ProfileDiagramView spec={spec} />;
}
