import { useMemo } from 'react';
import type { RabbitEffect, RabbitState } from '../../engine/rabbitmq';
import { rabbitmqSpec } from './rabbitmqSpec';
import { ProfileDiagramView } from './ProfileDiagramView';

/** The RabbitMQ profile's diagram for one step: its state after the step, marked with the step's effects. */
export function RabbitmqDiagram({
  state,
  effects,
  name,
}: {
  state: RabbitState;
  effects: readonly RabbitEffect[];
  name?: string;
}) {
  const spec = useMemo(() => rabbitmqSpec(state, effects, name), [state, effects, name]);
  return <ProfileDiagramView spec={spec} />;
}
