import { useMemo } from 'react';
import type { BrokerState } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import { kafkaSpec } from './kafkaSpec';
import { ProfileDiagramView } from './ProfileDiagramView';

/** Kafka's diagram for one step of the broker comparison: its state after the step, marked with the step's effects. */
export function KafkaDiagram({
  state,
  effects,
  name,
}: {
  state: BrokerState;
  effects: readonly Effect[];
  name?: string;
}) {
  const spec = useMemo(() => kafkaSpec(state, effects, name), [state, effects, name]);
  return <ProfileDiagramView spec={spec} />;
}
