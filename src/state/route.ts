/**
 * Hash routes (docs/architecture.md, "URLs"): they work on static hosting and a link reopens the same place.
 *   #/                      the scenario picker
 *   #/s/<scenarioId>/<step> a built-in or saved scenario's main run at a step
 *   #/s/<scenarioId>/on/<profile>/<step>  a built-in run on another broker profile (rabbitmq, nats, …)
 *   #/r/<runId>/<step>      a branch at a step
 *   #/share/<data>          a shared scenario (read-only until forked)
 *   #/embed/s/<id>/<step>   a compact, read-only player for an iframe (nothing is stored)
 *   #/embed/share/<data>    the same for a share link
 *   #/compare-brokers       "Choosing a broker": one story on several broker profiles, side by side
 *   #/pick-a-broker         "Pick the broker": requirement sets, a graded pick, and what goes wrong on its run
 *   #/mock-interview        "Mock interview": timed stages that build a design, graded by the rubric and by runs
 *   #/cheat-sheet[/<id>]    a printable cheat sheet: everything studied, or one scenario's
 */
import { isId } from '../scenarios/idAlphabet';

export type Route =
  | { page: 'picker' }
  | { page: 'compare-brokers' }
  | { page: 'pick-a-broker' }
  | { page: 'mock-interview' }
  | { page: 'cheat-sheet'; scenarioId: string | null }
  | { page: 'scenario'; scenarioId: string; step: number | null }
  | { page: 'switch-profile'; scenarioId: string; profile: string; step: number | null }
  | { page: 'run'; runId: string; step: number | null }
  | { page: 'share'; data: string }
  | {
      page: 'embed';
      of: { page: 'scenario'; scenarioId: string; step: number | null } | { page: 'share'; data: string };
    }
  | { page: 'not-found'; hash: string };

/** A missing step means "where the learner left off"; a malformed one is rejected. */
function parseStep(raw: string | undefined): number | null | 'invalid' {
  if (raw === undefined || raw === '') return null;
  if (!/^\d{1,7}$/.test(raw)) return 'invalid';
  return Number(raw);
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { page: 'picker' };
  if (path === '/compare-brokers') return { page: 'compare-brokers' };
  if (path === '/pick-a-broker') return { page: 'pick-a-broker' };
  if (path === '/mock-interview') return { page: 'mock-interview' };
  if (path === '/cheat-sheet') return { page: 'cheat-sheet', scenarioId: null };
  const parts = path.replace(/^\//, '').split('/');
  if (parts[0] === 'embed') {
    const inner = parseRoute(`#/${parts.slice(1).join('/')}`);
    return inner.page === 'scenario' || inner.page === 'share'
      ? { page: 'embed', of: inner }
      : { page: 'not-found', hash };
  }
  const [kind, id, step, ...rest] = parts;
  if (kind === 'share' && id && parts.length === 2) return { page: 'share', data: id };
  if (kind === 'cheat-sheet' && id && isId(safeDecode(id)) && parts.length === 2)
    return { page: 'cheat-sheet', scenarioId: safeDecode(id) };
  if (
    kind === 's' &&
    id &&
    isId(safeDecode(id)) &&
    step === 'on' &&
    /^[a-z-]{1,40}$/.test(rest[0] ?? '') &&
    rest.length <= 2
  ) {
    const n = parseStep(rest[1]);
    if (n !== 'invalid') return { page: 'switch-profile', scenarioId: safeDecode(id), profile: rest[0]!, step: n };
  }
  if ((kind === 's' || kind === 'r') && id && isId(safeDecode(id)) && rest.length === 0) {
    const n = parseStep(step);
    if (n !== 'invalid')
      return kind === 's'
        ? { page: 'scenario', scenarioId: safeDecode(id), step: n }
        : { page: 'run', runId: safeDecode(id), step: n };
  }
  return { page: 'not-found', hash };
}

export function formatRoute(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'picker':
      return '#/';
    case 'compare-brokers':
      return '#/compare-brokers';
    case 'pick-a-broker':
      return '#/pick-a-broker';
    case 'mock-interview':
      return '#/mock-interview';
    case 'cheat-sheet':
      return route.scenarioId === null ? '#/cheat-sheet' : `#/cheat-sheet/${encodeURIComponent(route.scenarioId)}`;
    case 'scenario':
      return `#/s/${encodeURIComponent(route.scenarioId)}${route.step === null ? '' : `/${route.step}`}`;
    case 'switch-profile':
      return `#/s/${encodeURIComponent(route.scenarioId)}/on/${route.profile}${route.step === null ? '' : `/${route.step}`}`;
    case 'run':
      return `#/r/${encodeURIComponent(route.runId)}${route.step === null ? '' : `/${route.step}`}`;
    case 'share':
      return `#/share/${route.data}`;
    case 'embed':
      return `#/embed/${formatRoute(route.of).slice(2)}`;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
