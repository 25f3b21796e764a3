import { useMemo } from 'react';
import { useRun } from '../../state/react';
import { layoutBroker } from '../layout/brokerLayout';
import { BrokerView } from './BrokerView';
import { useReducedMotion } from './useReducedMotion';

/** The broker view bound to the current run: select the world, lay it out, render. */
export function LiveBrokerView() {
  const broker = useRun((s) => s.world.broker);
  const effects = useRun((s) => s.effects);
  const step = useRun((s) => s.step);
  const runId = useRun((s) => s.runId);
  const topology = useRun((s) => s.scenario.topology);
  const reducedMotion = useReducedMotion();
  const model = useMemo(
    () => layoutBroker({ broker, effects, producers: topology.producers, groups: topology.groups }),
    [broker, effects, topology],
  );
  return <BrokerView model={model} stepKey={`${runId}/${step}`} reducedMotion={reducedMotion} />;
}
