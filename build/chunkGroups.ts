/**
 * The player's code as one chunk (vite.config.ts): everything a scenario page loads beyond the app's
 * shell, instead of ~30 chunks of its own and shared with other pages. A page opened at a scenario
 * waited ~110 ms for those chunks from the browser's cache on a 2-core machine; one file of the same
 * size comes ~35 ms sooner (a module costs ~1.2 ms of fetching on its own). Measured with
 * `npm run bench` (bench/browser/openAtStep.bench.spec.ts).
 *
 * The chunk is every module the player imports statically (from PlayerRoutes.tsx, and earlyRun.ts,
 * which a page opened at a scenario loads first), less the page's entry and the app's shell (their
 * static imports: every page loads those anyway). Other pages that import some of it load the chunk.
 */
import { fileURLToPath } from 'node:url';

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** `starts` and everything `next` leads to from them, transitively (also bundle.bench.ts's walk of built files). */
export function closure(starts: readonly string[], next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next(id)) todo.push(n);
  }
  return seen;
}

/** Every module `starts` import statically, themselves included. */
const staticClosure = (graph: ModuleGraph, starts: readonly string[]) =>
  closure(starts, (id) => graph.getModuleInfo(id)?.importedIds ?? []);

/** A codeSplitting group naming the player's modules `player`. */
export function playerChunkGroup() {
  let player: Set<string> | null = null;
  return {
    name(id: string, graph: ModuleGraph): string | null {
      if (player === null) {
        const shell = staticClosure(graph, [src('app/boot.ts'), src('app/main.tsx')]);
        player = new Set(
          [...staticClosure(graph, [src('app/PlayerRoutes.tsx'), src('app/earlyRun.ts')])].filter(
            (m) => !shell.has(m) && !m.startsWith('\0'),
          ),
        );
      }
      return player.has(id) ? 'player' : null;
    },
    includeDependenciesRecursively: false,
  };
}
