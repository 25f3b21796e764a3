/**
 * Vitest global setup for `npm run test:brokers`: starts Debian's RabbitMQ 3.10 as a child process (no
 * service manager) in a fresh temporary directory, on loopback ports chosen free — AMQP, Erlang
 * distribution and its own epmd — so a system RabbitMQ on 5672 or a system epmd on 4369 cannot collide.
 * It waits until the node accepts an AMQP connection, provides the URL to the tests (`inject('rabbitmqUrl')`),
 * and at teardown stops the node and its epmd and removes the directory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
import type { TestProject } from 'vitest/node';
import { exited, freePort, sleep, stop } from './process';
import { TEST_CHANNEL_TICK_MS, TEST_CONSUMER_TIMEOUT_MS } from './rabbitmqConfig';

const SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const EPMD = '/usr/bin/epmd';
const START_TIMEOUT_MS = 60_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(SERVER) || !existsSync(EPMD))
    throw new Error(
      `RabbitMQ is not installed (${SERVER} missing): install Debian's rabbitmq-server (sudo apt-get install rabbitmq-server)`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'eventlab-rabbitmq-'));
  const [amqpPort, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const node = `eventlab-${process.pid}@localhost`;
  for (const d of ['mnesia', 'log', 'schema', 'config']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'rabbitmq-env.conf'), '# empty: do not read /etc/rabbitmq/rabbitmq-env.conf\n');
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(
    join(dir, 'rabbitmq.conf'),
    [`listeners.tcp.1 = 127.0.0.1:${amqpPort}`, `consumer_timeout = ${TEST_CONSUMER_TIMEOUT_MS}`, ''].join('\n'),
  );
  writeFileSync(join(dir, 'advanced.config'), `[{rabbit, [{channel_tick_interval, ${TEST_CHANNEL_TICK_MS}}]}].\n`);
  const env = {
    ...process.env,
    HOME: dir, // the Erlang cookie is written here, not in the user's home
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_SCHEMA_DIR: join(dir, 'schema'),
    RABBITMQ_GENERATED_CONFIG_DIR: join(dir, 'config'),
    RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
  };
  const out = join(dir, 'server.out');
  // Our own epmd on its own port, as our child, so teardown stops exactly it.
  const epmd = spawn(EPMD, ['-port', String(epmdPort)], { env, stdio: 'ignore' });
  const server = spawn(SERVER, [], { env, cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  server.stdout?.on('data', (b: Buffer) => log.push(b.toString()));
  server.stderr?.on('data', (b: Buffer) => log.push(b.toString()));

  const teardown = async () => {
    const t0 = Date.now();
    await stop(server, 20_000, true);
    if (process.env.EVENT_LAB_BROKER_DEBUG) console.log(`rabbitmq stopped in ${Date.now() - t0} ms`);
    if (!exited(epmd)) epmd.kill('SIGTERM');
    if (process.env.EVENT_LAB_KEEP_BROKER_DIR) writeFileSync(out, log.join(''));
    else rmSync(dir, { recursive: true, force: true });
  };

  const url = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
  const started = Date.now();
  for (;;) {
    if (exited(server)) {
      await teardown();
      throw new Error(`rabbitmq-server exited before it answered:\n${log.join('').slice(-3000)}`);
    }
    try {
      const conn = await connect(url);
      await conn.close();
      break;
    } catch {
      if (Date.now() - started > START_TIMEOUT_MS) {
        const tail = existsSync(join(dir, 'log')) ? readLogTail(join(dir, 'log', `${node}.log`)) : '';
        await teardown();
        throw new Error(`rabbitmq-server did not answer on ${url} within ${START_TIMEOUT_MS} ms:\n${tail}`);
      }
      await sleep(200);
    }
  }
  project.provide('rabbitmqUrl', url);
  return teardown;
}

function readLogTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-3000);
  } catch {
    return '';
  }
}
