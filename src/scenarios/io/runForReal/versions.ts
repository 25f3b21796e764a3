/**
 * The client versions the exported projects pin (exactly, no ranges): the same versions this repository's
 * broker tests run (`package.json` devDependencies; `versions.test.ts` keeps them equal).
 */
export const CLIENT_VERSIONS = { kafkajs: '2.2.4', amqplib: '2.3.1', nats: '2.29.3' } as const;

/** The Kafka image compose.yaml starts: the last 3.x line (kafkajs 2.2.4, from 2023, predates Kafka 4.0). */
export const KAFKA_IMAGE = 'apache/kafka:3.9.0';
