import { useMemo } from 'react';
import type { SqsEffect, SqsState } from '../../engine/sqs';
import { sqsSpec } from './sqsSpec';
import { ProfileDiagramView } from './ProfileDiagramView';

/** The SNS + SQS profile's diagram for one step: its state after the step, marked with the step's effects. */
export function SqsDiagram({
  state,
  effects,
  seen,
  name,
}: {
  state: SqsState;
  effects: readonly SqsEffect[];
  seen?: readonly SqsEffect[];
  name?: string;
}) {
  const spec = useMemo(() => sqsSpec(state, effects, seen ?? effects, name), [state, effects, seen, name]);
  return <ProfileDiagramView spec={spec} />;
}
