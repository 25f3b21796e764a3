/**
 * The interviewer's "the provider times out and the call is retried" what-if, the same in every prompt but
 * for the names: the retry carries an id, so the group deduplicates and the aggregate refuses a second one
 * (checked by the prompt's duplicate-delivery run), or it retries blindly (a real change: the group no
 * longer deduplicates).
 */
import type { WhatIf } from '../prompt';
import type { RunSpec } from '../types';

export interface ProviderTimeout {
  /** The question ("The SMS provider times out and the send is retried. How do you keep Ada from…?"). */
  prompt: string;
  /** What the retry carries ("the top-up id"). */
  carries: string;
  /** The aggregate that refuses a second one, and a second what ("capture", "send"). */
  aggregate: string;
  second: string;
  /** What then happens once ("the charge happens once"). */
  once: string;
  /** What a timeout says nothing about ("the charge happened"). */
  unknown: string;
  /** The group that deduplicates, and the duplicate-delivery run that checks it. */
  group: string;
  run: RunSpec;
}

export function providerTimeoutWhatIf(p: ProviderTimeout): WhatIf {
  return {
    id: 'provider-timeout',
    prompt: p.prompt,
    choices: [
      {
        id: 'idempotent',
        text: `The retry carries ${p.carries}: the group deduplicates and the ${p.aggregate} aggregate refuses a second ${p.second}`,
        correct: true,
        why: `The retry may run twice; ${p.once}.`,
      },
      {
        id: 'retry-blindly',
        text: 'Retry the call; a timeout means it did not happen',
        correct: false,
        why: `A timeout says nothing about whether ${p.unknown}.`,
        patches: [{ op: 'not-idempotent', group: p.group }],
      },
    ],
    check: { run: p.run },
  };
}
