/**
 * What both servers' global setups need to run a server as a child process: a free loopback port, a wait,
 * whether the process has ended, and a stop that asks politely (SIGTERM) before it insists (SIGKILL).
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A loopback port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const exited = (p: ChildProcess): boolean => p.exitCode !== null || p.signalCode !== null;

/**
 * Stops the process: SIGTERM, then SIGKILL after `graceMs`. With `group`, the signal goes to its whole
 * process group (a server started `detached` through a shell script, with helpers of its own).
 */
export async function stop(p: ChildProcess | null, graceMs: number, group = false): Promise<void> {
  if (!p || p.pid === undefined || exited(p)) return;
  const done = new Promise<void>((r) => p.once('exit', () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      if (group) process.kill(-p.pid!, s);
      else p.kill(s);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signal('SIGTERM')) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), graceMs)));
  if ((await Promise.race([done, late])) === 'late') {
    signal('SIGKILL');
    await done;
  }
  clearTimeout(timer);
}
