/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Differential tests against real brokers (npm run test:brokers; brokers/README.md). Each global setup
// starts one server on free loopback ports and stops it afterwards. Files run one after another: the
// tests compare deliveries in order and some wait on real time (TTL, consumer timeout).
export default defineConfig({
  test: {
    include: ['brokers/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['brokers/servers/rabbitmq.ts', 'brokers/servers/nats.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
