/**
 * Vitest global setup for `npm run test:brokers`: starts Debian's nats-server 2.9 with JetStream as a child
 * process (no service manager) on a free loopback port, its JetStream store in a fresh temporary directory.
 * It waits until the server sends its INFO line, provides the URL to the tests (`inject('natsUrl')`), and at
 * teardown stops the server and removes the directory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { exited, freePort, sleep, stop } from './process';

declare module 'vitest' {
  export interface ProvidedContext {
    natsUrl: string;
  }
}

const SERVER = process.env.EVENT_LAB_NATS_SERVER ?? '/usr/sbin/nats-server';
const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 5_000;

/** Resolves once the server greets a TCP client with its INFO line (the protocol's first message). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (b: Buffer) => done(b.toString().startsWith('INFO ')));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(SERVER))
    throw new Error(
      `nats-server is not installed (${SERVER} missing): install Debian's nats-server (sudo apt-get install nats-server)`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'eventlab-nats-'));
  const port = await freePort();
  const log: string[] = [];
  const server = spawn(SERVER, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (b: Buffer) => log.push(b.toString()));
  server.stderr?.on('data', (b: Buffer) => log.push(b.toString()));

  const teardown = async () => {
    await stop(server, STOP_GRACE_MS);
    if (process.env.EVENT_LAB_KEEP_BROKER_DIR) writeFileSync(join(dir, 'server.out'), log.join(''));
    else rmSync(dir, { recursive: true, force: true });
  };

  const started = Date.now();
  while (!(await answers(port))) {
    if (exited(server) || Date.now() - started > START_TIMEOUT_MS) {
      await teardown();
      throw new Error(`nats-server did not answer on 127.0.0.1:${port}:\n${log.join('').slice(-3000)}`);
    }
    await sleep(50);
  }
  project.provide('natsUrl', `nats://127.0.0.1:${port}`);
  return teardown;
}
