/**
 * Runs one script on both sides in lockstep: after each step the real side is given time to show as many
 * observations as the profile made (deliveries arrive asynchronously), then a short settle so that
 * anything extra shows up too and acks reach the queue before the next step.
 */
import { ProfileSide } from './profileSide';
import { RealSide } from './realSide';
import { countOf, type Observation, type ScriptStep } from './script';

const SETTLE_MS = 30;
const CATCH_UP_MS = 2_000;
/**
 * Steps that are synchronous RPCs with nothing sent afterwards (declarations, bindings, channel opening,
 * qos) need no settling: their reply is the server's last word.
 */
const QUIET = new Set<ScriptStep['kind']>([
  'declare-exchange',
  'declare-queue',
  'bind',
  'unbind',
  'open-channel',
  'qos',
]);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runBoth(
  url: string,
  script: readonly ScriptStep[],
): Promise<{ profile: Observation; real: Observation }> {
  const profile = new ProfileSide();
  const real = new RealSide(url);
  try {
    for (const step of script) {
      profile.step(step);
      await real.step(step);
      const want = countOf(profile.seen);
      const until = Date.now() + CATCH_UP_MS;
      while (countOf(real.seen) < want && Date.now() < until) await sleep(5);
      if (!QUIET.has(step.kind)) await sleep(SETTLE_MS);
    }
    return { profile: profile.finish(), real: await real.finish() };
  } catch (e) {
    await real.finish().catch(() => undefined);
    throw e;
  }
}

/** Bodies a consumer received, in order, with "*" marking a redelivery: compact for expectations. */
export const bodies = (o: Observation, to: string): string[] =>
  (o.received[to] ?? []).map((s) => s.body + (s.redelivered ? '*' : ''));
