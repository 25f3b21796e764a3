/**
 * `apply(state, request, now)`: one entry point over every request. It first lets time pass up to `now`
 * (expiries and timeouts that were due), performs the request, then delivers whatever can now be
 * delivered. A refused request a learner can cause returns `rabbitmq-rejected` and the state unchanged
 * (when a real broker would close the channel that asked, the channel closes and the effect says so).
 */
import { closeChannel, closeConnection, openChannel, setQos } from './channels';
import { REPLY } from './constants';
import { addConsumer, cancelConsumer, consumeError } from './consumers';
import { dispatch } from './dispatch';
import type { RabbitStep } from './effects';
import { basicGet } from './get';
import { publish } from './publish';
import type { RabbitRequest } from './requests';
import { ack, nack } from './settle';
import { advanceTo } from './time';
import { bindQueue, declareExchange, declareQueue, unbindQueue } from './topology';
import type { RabbitState } from './rabbitState';

type Step = RabbitStep;

const refuse = (s: RabbitState, r: RabbitRequest, error: string): Step => ({
  state: s,
  effects: [{ kind: 'rabbitmq-rejected', request: r.kind, error, reason: `${r.kind} refused: ${error}` }],
});

/** A channel error: the real broker closes the channel that asked (its unacked messages are requeued). */
const channelError = (
  s: RabbitState,
  channel: string | undefined,
  r: RabbitRequest,
  code: number,
  error: string,
  now: number,
): Step => (channel && s.channels[channel] ? closeChannel(s, channel, now, code, error) : refuse(s, r, error));

const orRefuse = (s: RabbitState, r: RabbitRequest, out: Step | { error: string }, channel?: string, now = 0): Step =>
  'error' in out
    ? channelError(
        s,
        channel,
        r,
        out.error.startsWith('NOT_FOUND') ? REPLY.notFound : REPLY.preconditionFailed,
        out.error,
        now,
      )
    : out;

function perform(s: RabbitState, r: RabbitRequest, now: number): Step {
  const needsChannel = 'channel' in r && r.kind !== 'publish' && r.kind !== 'open-channel';
  if (needsChannel && !s.channels[r.channel as string]) return refuse(s, r, `channel ${String(r.channel)} is not open`);
  switch (r.kind) {
    case 'declare-exchange':
      return orRefuse(s, r, declareExchange(s, r.exchange, r.type));
    case 'declare-queue':
      return orRefuse(s, r, declareQueue(s, r.queue, r.type ?? 'classic', r.arguments ?? {}));
    case 'bind':
      return orRefuse(s, r, bindQueue(s, r.queue, r.exchange, r.routingKey, r.arguments ?? {}));
    case 'unbind':
      return unbindQueue(s, r.queue, r.exchange, r.routingKey, r.arguments ?? {});
    case 'open-channel':
      if (s.channels[r.channel]) return refuse(s, r, `channel ${r.channel} is already open`);
      return openChannel(s, r.channel, r.connection ?? 'connection');
    case 'close-channel':
      return closeChannel(s, r.channel, now, null, 'closed by the client');
    case 'close-connection':
      return closeConnection(s, r.connection, now, null, `connection ${r.connection} closed`);
    case 'qos':
      return setQos(s, r.channel, r.prefetch, r.global ?? false);
    case 'consume': {
      if (s.consumers[r.consumerTag]) return refuse(s, r, `consumer tag ${r.consumerTag} is already in use`);
      const o = { noAck: r.noAck ?? false, ...(r.streamOffset !== undefined ? { streamOffset: r.streamOffset } : {}) };
      const err = consumeError(s, r.channel, r.queue, o);
      if (!err) return addConsumer(s, r.channel, r.queue, r.consumerTag, o);
      if (err.code === REPLY.notImplemented)
        return closeConnection(s, s.channels[r.channel]!.connection, now, err.code, err.text);
      return closeChannel(s, r.channel, now, err.code, err.text);
    }
    case 'cancel':
      return cancelConsumer(s, r.channel, r.consumerTag);
    case 'publish':
      if (!s.exchanges[r.exchange])
        return channelError(s, r.channel, r, REPLY.notFound, `NOT_FOUND - no exchange '${r.exchange}'`, now);
      return publish(s, r.exchange, r.routingKey, r.body, r.properties ?? {}, r.mandatory ?? false, now);
    case 'get':
      return basicGet(s, r.channel, r.queue, r.noAck ?? false, now, (code, error, t) =>
        channelError(s, r.channel, r, code, error, t),
      );
    case 'ack':
      return ack(s, r.channel, r.deliveryTag, r.multiple ?? false, now);
    case 'nack':
      return nack(s, r.channel, r.deliveryTag, r.multiple ?? false, r.requeue ?? true, now, 'nack');
    case 'reject':
      return nack(s, r.channel, r.deliveryTag, false, r.requeue ?? true, now, 'reject');
    case 'advance':
      return { state: s, effects: [] };
  }
}

export function apply(s0: RabbitState, request: RabbitRequest, now: number): Step {
  const t = advanceTo(s0, now);
  const p = perform(t.state, request, now);
  const d = dispatch(p.state, now);
  return { state: d.state, effects: [...t.effects, ...p.effects, ...d.effects] };
}
