/**
 * The topics stage's broker pick, graded by the prompt's requirements with the verdict table of the broker
 * exercise (`scenarios/brokerChoice/exercise/`): each requirement's cited verdict on every profile. Which
 * pick is right is derived from those verdicts by the exercise's own grading (`gradeSet`), never written per
 * answer: a broker that fails a requirement is wrong, named with the requirement and the reason; one that
 * meets them all, by itself or with a named workaround, is right.
 */
import { gradeSet, type ProfileGrade } from '../brokerChoice/exercise';
import type { Answers } from './answers';
import type { BrokerNeeds, InterviewPrompt, Question } from './prompt';
import { STUDY } from './study';
import type { RubricResult } from './types';

export const BROKER_QUESTION_ID = 'broker';

const quoted = (labels: readonly string[]) => `“${labels.join('”, “')}”`;

function gradesOf(prompt: Pick<InterviewPrompt, 'id' | 'title' | 'brief'>, needs: BrokerNeeds) {
  return gradeSet({ id: prompt.id, title: prompt.title, brief: prompt.brief, requirements: needs.requirements });
}

/** Each pick's sentence: what decides it, with the reason of every requirement it fails or pays for. */
function verdictOf(g: ProfileGrade): string {
  const reasons = (g.failures.length > 0 ? g.failures : g.costs).map((j) => `${j.requirement.label}: ${j.verdict.why}`);
  return [g.summary, ...reasons].join(' ');
}

/** The question the topics stage asks (its choices every profile of the table, right where none fails). */
export function brokerQuestion(prompt: Pick<InterviewPrompt, 'id' | 'title' | 'brief'>, needs: BrokerNeeds): Question {
  return {
    id: BROKER_QUESTION_ID,
    stage: 'topics',
    prompt: `Which broker carries these events? ${needs.because} It must give ${quoted(needs.requirements.map((r) => r.label))}.`,
    choices: gradesOf(prompt, needs).map((g) => ({
      id: g.profile,
      text: g.name,
      correct: g.grade !== 'poor',
      why: verdictOf(g),
    })),
  };
}

/** The prompt with its broker question, asked after its other topics questions. */
export function withBrokerQuestion(p: InterviewPrompt & { brokers: BrokerNeeds }): InterviewPrompt {
  const q = brokerQuestion(p, p.brokers);
  const at = p.questions.findLastIndex((x) => x.stage === 'topics') + 1;
  return { ...p, questions: [...p.questions.slice(0, at), q, ...p.questions.slice(at)] };
}

/** The scorecard's broker point: the pick's verdict on the prompt's requirements, or null if the prompt asks none. */
export function brokerPoint(prompt: InterviewPrompt, answers: Answers): RubricResult | null {
  if (!prompt.brokers) return null;
  const base = { id: 'broker' as const, title: 'The broker meets the requirements', study: STUDY.broker };
  const a = answers.questions[BROKER_QUESTION_ID];
  const g = a && 'choice' in a ? gradesOf(prompt, prompt.brokers).find((x) => x.profile === a.choice) : undefined;
  if (!g) return { ...base, pass: false, feedback: 'No broker was picked.' };
  return { ...base, pass: g.grade !== 'poor', feedback: verdictOf(g) };
}
