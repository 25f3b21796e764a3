/**
 * Target input: the whole event, a constant, InputPath or InputTransformer, as documented:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
import { describe, expect, it } from 'vitest';
import { delivered, run, type Step } from './script.testkit';
import type { InputSpec } from './types';

const withTarget = (input?: InputSpec): Step[] => [
  [{ kind: 'put-rule', name: 'r', pattern: { source: ['shop'] } }, 0],
  [{ kind: 'put-targets', rule: 'r', targets: [{ id: 't', endpoint: 'fn', ...(input ? { input } : {}) }] }, 0],
  [
    {
      kind: 'put-events',
      entries: [
        { source: 'shop', detailType: 'OrderPlaced', detail: { orderId: 'o-42', total: 250, items: ['book'] } },
      ],
    },
    0,
  ],
];
const got = (input?: InputSpec) => delivered(run(withTarget(input)).effects)[0]!.input;

describe('target input', () => {
  it('is the whole event by default', () => {
    expect(got()).toMatchObject({
      version: '0',
      id: 'ev-1',
      source: 'shop',
      'detail-type': 'OrderPlaced',
      detail: { orderId: 'o-42' },
    });
  });

  it('InputPath selects part of the event; Input sends a constant', () => {
    expect(got({ inputPath: '$.detail.items[0]' })).toBe('book');
    expect(got({ input: '{"ping":true}' })).toEqual({ ping: true });
  });

  it('InputTransformer fills a JSON template: inside quotes the text, outside quotes the JSON value', () => {
    const inputTransformer = {
      inputPathsMap: { id: '$.detail.orderId', total: '$.detail.total' },
      inputTemplate: '{"order": <id>, "label": "order <id> of <total>", "total": <total>}',
    };
    expect(got({ inputTransformer })).toEqual({ order: 'o-42', label: 'order o-42 of 250', total: 250 });
  });

  it('InputTransformer with a plain-text template gives text', () => {
    const inputTransformer = { inputPathsMap: { id: '$.detail.orderId' }, inputTemplate: 'Order <id> was placed' };
    expect(got({ inputTransformer })).toBe('Order o-42 was placed');
  });
});
