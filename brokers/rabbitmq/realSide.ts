/** Runs a differential script against a real RabbitMQ with amqplib (RabbitMQ's Node client). */
import { connect, type Channel, type ChannelModel, type ConfirmChannel, type Message } from 'amqplib';
import { emptyObservation, see, Tags, type Observation, type ScriptStep } from './script';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface AmqpError extends Error {
  code?: number;
}

interface XDeathHeader {
  queue: string;
  reason: string;
  count: number;
  exchange: string;
  'routing-keys': string[];
}

/** The x-death header as the observation writes it: "queue/reason/count" and "exchange key,key". */
function deathsOf(msg: Message): { deaths: string[]; deathRoutes: string[] } | undefined {
  const deaths = msg.properties.headers?.['x-death'] as XDeathHeader[] | undefined;
  if (!deaths) return undefined;
  return {
    deaths: deaths.map((d) => `${d.queue}/${d.reason}/${Number(d.count)}`),
    deathRoutes: deaths.map((d) => `${d.exchange || '(default)'} ${d['routing-keys'].join(',')}`),
  };
}

export class RealSide {
  readonly seen: Observation = emptyObservation();
  private readonly tags = new Tags();
  private readonly connections = new Map<string, ChannelModel>();
  private readonly channels = new Map<string, Channel>();
  private admin: ConfirmChannel | null = null;
  private readonly queues: string[] = [];
  private readonly channelConnection = new Map<string, string>();

  constructor(private readonly url: string) {}

  private async connection(name: string): Promise<ChannelModel> {
    let c = this.connections.get(name);
    if (!c) {
      c = await connect(this.url);
      // A connection error (e.g. 540 NOT_IMPLEMENTED) closes every channel on it.
      c.on('error', (err: AmqpError) => {
        for (const [id, conn] of this.channelConnection)
          if (conn === name) {
            this.seen.closedByBroker.push(`${id} ${err.code ?? '?'}`);
            this.tags.closed(id);
          }
      });
      this.connections.set(name, c);
    }
    return c;
  }

  /** Declarations and publishes go through a confirm channel of their own; a refused one closes it, so it is reopened. */
  private async adminChannel(): Promise<ConfirmChannel> {
    if (!this.admin) {
      const ch = await (await this.connection('(admin)')).createConfirmChannel();
      ch.on('error', () => (this.admin = null));
      ch.on('close', () => (this.admin = null));
      ch.on('return', (m: Message) => this.seen.returned.push(m.content.toString()));
      this.admin = ch;
    }
    return this.admin;
  }

  private channel(id: string): Channel {
    const ch = this.channels.get(id);
    if (!ch) throw new Error(`script error: channel ${id} is not open`);
    return ch;
  }

  private record(channel: string, to: string, msg: Message, noAck: boolean): void {
    const h = msg.properties.headers ?? {};
    this.tags.delivered(channel, msg.fields.deliveryTag, msg.content.toString(), noAck);
    const deaths = deathsOf(msg);
    see(this.seen, to, {
      body: msg.content.toString(),
      redelivered: msg.fields.redelivered,
      ...(h['x-delivery-count'] !== undefined ? { deliveryCount: Number(h['x-delivery-count']) } : {}),
      ...(h['x-stream-offset'] !== undefined ? { offset: Number(h['x-stream-offset']) } : {}),
      ...(deaths ?? {}),
    });
  }

  async step(step: ScriptStep): Promise<void> {
    switch (step.kind) {
      case 'wait':
        return sleep(step.ms);
      case 'declare-exchange':
        return this.refusable(
          'declare-exchange',
          async (a) => void (await a.assertExchange(step.exchange, step.type, { durable: false })),
        );
      case 'declare-queue': {
        const type = step.type ?? 'classic';
        return this.refusable('declare-queue', async (a) => {
          await a.assertQueue(step.queue, {
            durable: type !== 'classic',
            arguments: { 'x-queue-type': type, ...step.arguments },
          });
          if (type !== 'stream') this.queues.push(step.queue);
        });
      }
      case 'bind':
        return this.refusable(
          'bind',
          async (a) => void (await a.bindQueue(step.queue, step.exchange, step.routingKey, step.arguments)),
        );
      case 'unbind':
        return this.refusable(
          'unbind',
          async (a) => void (await a.unbindQueue(step.queue, step.exchange, step.routingKey, step.arguments)),
        );
      case 'open-channel': {
        const connection = step.connection ?? 'connection';
        const ch = await (await this.connection(connection)).createChannel();
        this.channelConnection.set(step.channel, connection);
        ch.on('error', (err: AmqpError) => {
          this.seen.closedByBroker.push(`${step.channel} ${err.code ?? '?'}`);
          this.tags.closed(step.channel);
        });
        this.channels.set(step.channel, ch);
        return;
      }
      case 'close-channel':
        this.tags.closed(step.channel);
        return this.channel(step.channel).close();
      case 'close-connection': {
        for (const [id, c] of this.channelConnection) if (c === step.connection) this.tags.closed(id);
        await this.connections.get(step.connection)?.close();
        this.connections.delete(step.connection);
        return;
      }
      case 'qos':
        return void (await this.channel(step.channel).prefetch(step.prefetch, step.global ?? false));
      case 'consume': {
        const noAck = step.noAck ?? false;
        const offset = step.streamOffset;
        const args =
          offset === undefined
            ? {}
            : { 'x-stream-offset': typeof offset === 'object' ? new Date(offset.timestamp) : offset };
        // A refused consume closes the channel (or the connection); the 'error' listener records it.
        await this.channel(step.channel)
          .consume(step.queue, (m) => m && this.record(step.channel, step.consumerTag, m, noAck), {
            consumerTag: step.consumerTag,
            noAck,
            arguments: args,
          })
          .catch(() => undefined);
        return;
      }
      case 'cancel':
        return void (await this.channel(step.channel).cancel(step.consumerTag));
      case 'publish': {
        const p = step.properties ?? {};
        const options = {
          mandatory: step.mandatory ?? false,
          ...(p.headers ? { headers: p.headers } : {}),
          ...(p.priority !== undefined ? { priority: p.priority } : {}),
          ...(p.expiration !== undefined ? { expiration: String(p.expiration) } : {}),
        };
        // A publish on a named channel goes through it (an error closes that channel, seen by its listener).
        if (step.channel)
          return void this.channel(step.channel).publish(
            step.exchange,
            step.routingKey,
            Buffer.from(step.body),
            options,
          );
        return this.refusable('publish', async (a) => {
          a.publish(step.exchange, step.routingKey, Buffer.from(step.body), options);
          await a.waitForConfirms();
        });
      }
      case 'get': {
        const m = await this.channel(step.channel).get(step.queue, { noAck: step.noAck ?? false });
        if (m) this.record(step.channel, `get:${step.channel}`, m, step.noAck ?? false);
        else this.seen.empty.push(step.channel);
        return;
      }
      case 'ack':
      case 'nack':
      case 'reject': {
        const msg = { fields: { deliveryTag: this.tags.settle(step) } } as Message;
        const ch = this.channel(step.channel);
        if (step.kind === 'ack') ch.ack(msg, step.multiple ?? false);
        else if (step.kind === 'nack') ch.nack(msg, step.multiple ?? false, step.requeue ?? true);
        else ch.reject(msg, step.requeue ?? true);
        return;
      }
    }
  }

  private async refusable(kind: string, op: (a: ConfirmChannel) => Promise<void>): Promise<void> {
    try {
      await op(await this.adminChannel());
    } catch {
      this.seen.refused.push(kind);
      this.admin = null;
    }
  }

  async finish(): Promise<Observation> {
    const a = await this.adminChannel();
    for (const q of this.queues) {
      const info = await a.checkQueue(q).catch(() => null);
      if (info) this.seen.depth[q] = info.messageCount;
    }
    for (const c of this.connections.values()) await c.close().catch(() => undefined);
    return this.seen;
  }
}
