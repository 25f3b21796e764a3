/**
 * One replay span per prompt (issue 17): the prompt's reason for its broker, the requirement it asks ("Replay
 * last week") and every broker's verdict on it name the same span. Before, the prompts said "read a day again"
 * or "the last days", the requirement a week and RabbitMQ's verdict "cannot read last month".
 */
import { describe, expect, it } from 'vitest';
import { BROKER_QUESTION_ID } from './broker';
import { PROMPTS } from './prompts';

/** Spans said in words ("last week", "a day", "the last days"); numbered limits ("up to 31 days") are facts of a broker. */
const SPAN = /\b(?:the last|last|the past|a|one)\s+(day|week|month)s?\b/gi;

describe.each(PROMPTS.map((p) => [p.id, p] as const))('prompt %s', (_id, prompt) => {
  it('its broker question and every verdict on it name one replay span: a week', () => {
    const q = prompt.questions.find((x) => x.id === BROKER_QUESTION_ID)!;
    const texts = [prompt.brokers!.because, q.prompt, ...q.choices.map((c) => c.why)];
    const spans = texts.flatMap((t) => [...t.matchAll(SPAN)].map((m) => m[1]!.toLowerCase()));
    expect(spans.length).toBeGreaterThan(0);
    expect(new Set(spans)).toEqual(new Set(['week']));
    expect(prompt.brokers!.because).toMatch(/up to a week back|the last week/);
  });
});
