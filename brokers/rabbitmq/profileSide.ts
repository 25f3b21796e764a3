/** Runs a differential script through the RabbitMQ profile, one step at a time. */
import { apply, createRabbit, type RabbitRequest, type RabbitState } from '../../src/engine/rabbitmq';
import { TEST_CONSUMER_TIMEOUT_MS } from '../servers/rabbitmqConfig';
import { emptyObservation, see, Tags, type Observation, type ScriptStep } from './script';

export class ProfileSide {
  state: RabbitState = createRabbit({ consumerTimeoutMs: TEST_CONSUMER_TIMEOUT_MS });
  now = 0;
  readonly seen: Observation = emptyObservation();
  private readonly tags = new Tags();
  private readonly noAck = new Set<string>();

  step(step: ScriptStep): void {
    let request: RabbitRequest;
    if (step.kind === 'wait') {
      this.now += step.ms;
      request = { kind: 'advance' };
    } else if (step.kind === 'ack' || step.kind === 'nack' || step.kind === 'reject') {
      request = { ...step, deliveryTag: this.tags.settle(step) } as RabbitRequest;
    } else request = step;
    if (step.kind === 'consume' && step.noAck) this.noAck.add(step.consumerTag);
    const { state, effects } = apply(this.state, request, this.now);
    this.state = state;
    for (const e of effects) {
      if (e.kind === 'rabbitmq-delivered') {
        const to = e.consumerTag ?? `get:${e.channel}`;
        const noAck = e.consumerTag ? this.noAck.has(e.consumerTag) : step.kind === 'get' && step.noAck === true;
        this.tags.delivered(e.channel, e.deliveryTag, e.body, noAck);
        see(this.seen, to, {
          body: e.body,
          redelivered: e.redelivered,
          ...(e.deliveryCount !== null ? { deliveryCount: e.deliveryCount } : {}),
          ...(e.offset !== null ? { offset: e.offset } : {}),
          ...(e.xDeath.length
            ? {
                deaths: e.xDeath.map((d) => `${d.queue}/${d.reason}/${d.count}`),
                deathRoutes: e.xDeath.map((d) => `${d.exchange || '(default)'} ${d.routingKeys.join(',')}`),
              }
            : {}),
        });
      }
      if (e.kind === 'rabbitmq-returned') this.seen.returned.push(e.body);
      if (e.kind === 'rabbitmq-channel-closed') {
        this.tags.closed(e.channel);
        if (e.replyCode !== null) this.seen.closedByBroker.push(`${e.channel} ${e.replyCode}`);
      }
      if (e.kind === 'rabbitmq-rejected') this.seen.refused.push(e.request);
      // A publish into a full reject-publish queue: the real publisher sees its confirm nacked.
      if (e.kind === 'rabbitmq-publish-refused') this.seen.refused.push('publish');
      if (e.kind === 'rabbitmq-get-empty') this.seen.empty.push(e.channel);
    }
  }

  finish(): Observation {
    for (const q of Object.values(this.state.queues))
      if (q.type !== 'stream') this.seen.depth[q.name] = q.ready.length + q.returned.length;
    return this.seen;
  }
}
