/**
 * Settings of the RabbitMQ node `npm run test:brokers` starts, shared by the global setup (which writes
 * them into the node's config) and the tests (which give the same numbers to the profile).
 */

/** consumer_timeout of the test node: short, so the timeout test takes seconds instead of 30 minutes. */
export const TEST_CONSUMER_TIMEOUT_MS = 2_000;

/**
 * The channel checks consumer_timeout on its tick (channel_tick_interval, 60 s by default in 3.10);
 * a short tick makes the channel close soon after the timeout passes.
 */
export const TEST_CHANNEL_TICK_MS = 100;

declare module 'vitest' {
  export interface ProvidedContext {
    /** amqp://guest:guest@127.0.0.1:<port> of the node started for this run. */
    rabbitmqUrl: string;
  }
}
