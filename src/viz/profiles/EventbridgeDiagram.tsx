import { useMemo } from 'react';
import type { EbEffect, EbState } from '../../engine/eventbridge';
import { eventbridgeSpec } from './eventbridgeSpec';
import { ProfileDiagramView } from './ProfileDiagramView';

/** The EventBridge profile's diagram for one step: its state after the step, marked with the step's effects. */
export function EventbridgeDiagram({
  state,
  effects,
  name,
}: {
  state: EbState;
  effects: readonly EbEffect[];
  name?: string;
}) {
  const spec = useMemo(() => eventbridgeSpec(state, effects, name), [state, effects, name]);
  return <ProfileDiagramView spec={spec} />;
}
