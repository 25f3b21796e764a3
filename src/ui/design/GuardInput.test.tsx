/**
 * The guard form with a list: "is a list that holds" is one of the two-value comparisons, and a command's
 * checks (the payments wallet's "payment id not among the paid ids", with its message) render in the form.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sections, type FieldDef } from '../../scenarios/design/formSpec';
import type { Doc } from '../../scenarios/design/paths';
import reference from '../../scenarios/interview/prompts/payments-wallet.json';
import { checkDraft, messagesByPath } from '../../state/editorDraft';
import { DesignContext, type DesignContextValue } from './context';
import { FieldEditor } from './FieldEditor';
import { Fields } from './Fields';
import { GuardInput } from './GuardInput';

const context = (doc: Doc): DesignContextValue => ({
  doc,
  set: () => {},
  apply: () => {},
  messages: messagesByPath(checkDraft(JSON.stringify(doc))),
  refs: ['state.paidIds', 'command.paymentId'],
  Field: FieldEditor,
});

const inContext = (doc: Doc, node: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(DesignContext.Provider, { value: context(doc) }, node));

describe('guards over a list in the design form', () => {
  it('"has" is shown as a comparison: the list, "is a list that holds", the value', () => {
    const html = inContext(
      {},
      createElement(GuardInput, {
        label: 'Guard',
        value: { has: [{ ref: 'state.paidIds' }, { ref: 'command.paymentId' }] },
        onChange: () => {},
      }),
    );
    expect(html).toMatch(/<option value="compare" selected="">a comparison<\/option>/);
    expect(html).toMatch(/<option value="has" selected="">is a list that holds<\/option>/);
    expect(html).toContain('value="state.paidIds"');
    expect(html).toContain('value="command.paymentId"');
  });

  it("the payments wallet's PayMerchant check renders: its condition as JSON and its message as a formula", () => {
    const doc = structuredClone(reference) as unknown as Doc;
    const aggregates = sections.find((s) => s.id === 'aggregates')!.field as FieldDef & { kind: 'list' };
    const commands = aggregates.item.fields.find((f) => f.key === 'commands') as FieldDef & { kind: 'list' };
    const checks = commands.item.fields.find((f) => f.key === 'checks') as FieldDef & { kind: 'list' };
    const payMerchant = ['topology', 'aggregates', 0, 'commands', 2];
    const list = inContext(doc, createElement(Fields, { fields: [checks], at: payMerchant }));
    expect(list).toContain('check 1');
    const check = inContext(
      doc,
      createElement(Fields, { fields: checks.item.fields, at: [...payMerchant, 'checks', 0] }),
    );
    expect(check).toContain('Condition that must hold');
    expect(check).toContain('&quot;has&quot;');
    expect(check).toContain('Message when it does not hold');
    expect(check).toContain(' was already made');
  });
});
