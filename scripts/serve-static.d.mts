import type { Server } from 'node:http';

/** Starts a static server for `dir` at `prefix` (ending in '/'); port 0 picks a free one. */
export function serveStatic(options: { dir: string; prefix?: string; port?: number; host?: string }): Promise<Server>;
