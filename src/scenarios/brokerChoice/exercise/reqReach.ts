/**
 * Requirements about where the broker runs and how services talk through it: managed or self-run, routing
 * to cloud targets, the edge, request-reply, wildcards. Each verdict cites the page it comes from
 * (versions as in reqLog.ts).
 */
import type { Requirement } from './types';

export const NOTHING_TO_RUN: Requirement = {
  id: 'nothing-to-run',
  label: 'Nothing to run',
  text: 'Nothing to install, patch or size: a managed service, billed by use.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'Kafka is software you run; managed services (Amazon MSK, MSK Serverless, Confluent Cloud) run it for you, but you still choose partition counts and pay for the cluster or its capacity.',
      source: 'https://docs.aws.amazon.com/msk/latest/developerguide/serverless.html',
    },
    rabbitmq: {
      fit: 'cost',
      why: 'You run the nodes, or buy a managed broker (Amazon MQ for RabbitMQ) that is still sized and billed as instances.',
      source: 'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/working-with-rabbitmq.html',
    },
    sqs: {
      fit: 'meets',
      why: 'SNS and SQS are fully managed by AWS: no servers or partitions, billed per request.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html',
    },
    'sqs-fifo': {
      fit: 'meets',
      why: 'FIFO topics and queues are fully managed by AWS as well, billed per request.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html',
    },
    nats: {
      fit: 'cost',
      why: 'You run nats-server (one binary, clustered for JetStream), or buy a hosted service such as Synadia Cloud.',
      source: 'https://docs.nats.io/running-a-nats-service/introduction',
    },
    pubsub: {
      fit: 'meets',
      why: 'Pub/Sub is fully managed by Google Cloud: no servers or partitions, billed by data volume.',
      source: 'https://cloud.google.com/pubsub/docs/overview',
    },
    eventbridge: {
      fit: 'meets',
      why: 'EventBridge is fully managed by AWS, billed per event published.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-what-is.html',
    },
  },
};

export const ROUTE_TO_CLOUD_TARGETS: Requirement = {
  id: 'route-to-cloud-targets',
  label: 'Route to AWS targets by content',
  text: 'Teams add their own consumers by matching on fields of the event, and a match invokes an AWS service directly: a Lambda function, a Step Functions workflow, a queue, an HTTP API.',
  aspect: 'fanOut',
  verdicts: {
    kafka: {
      fit: 'fails',
      why: 'The broker invokes nothing: every target is a consumer you write or a sink connector you run (Kafka Connect), and matching on the event’s fields happens in those consumers.',
      source: 'https://kafka.apache.org/documentation/#connect',
    },
    rabbitmq: {
      fit: 'fails',
      why: 'Exchanges route by routing key or headers to queues, but the broker invokes no cloud service: every target is a consumer you run.',
      source: 'https://www.rabbitmq.com/tutorials/amqp-concepts',
    },
    sqs: {
      fit: 'cost',
      why: 'SNS subscriptions with filter policies (on attributes or the payload) deliver to Lambda, SQS, HTTP/S, Firehose, email and SMS; a Step Functions workflow or another service needs a function or a queue in between.',
      source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-event-destinations.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'SNS FIFO topics deliver only to SQS queues, with filter policies; every other target needs something reading the queue (a Lambda event source mapping, an EventBridge pipe).',
      source: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html',
    },
    nats: {
      fit: 'fails',
      why: 'Subjects route to subscribers, but the server invokes no cloud service: every target is a client you run.',
      source: 'https://docs.nats.io/nats-concepts/subjects',
    },
    pubsub: {
      fit: 'fails',
      why: 'Pub/Sub is Google Cloud’s: it pushes to HTTPS endpoints and Google Cloud services, not to AWS Lambda or Step Functions; each AWS target would be an HTTP endpoint you build.',
      source: 'https://cloud.google.com/pubsub/docs/push',
    },
    eventbridge: {
      fit: 'meets',
      why: 'Rules with event patterns on any field of the event route to targets: Lambda, Step Functions, SQS, SNS, Kinesis, API destinations (HTTP) and more, up to 5 targets per rule; a team adds a rule without touching the others.',
      source:
        'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html; https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html',
    },
  },
};

const CLOUD_ONLY = (cloud: string, source: string) => ({
  fit: 'fails' as const,
  why: `A cloud service in a ${cloud} region: nothing runs on the gateway, and while its link is down the gateway can neither publish nor receive, even to its own line.`,
  source,
});

export const RUNS_AT_THE_EDGE: Requirement = {
  id: 'runs-at-the-edge',
  label: 'Runs on the gateway, survives a lost link',
  text: 'A broker runs on each small gateway and keeps local traffic flowing while the link to the plant is down, forwarding when it is back.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'fails',
      why: 'A Kafka cluster (brokers and KRaft controllers on the JVM) is built for servers; a gateway would be a client of a remote cluster, and a producer gives up on a record after delivery.timeout.ms (2 minutes by default) without a link.',
      source: 'https://kafka.apache.org/documentation/#producerconfigs_delivery.timeout.ms',
    },
    rabbitmq: {
      fit: 'cost',
      why: 'RabbitMQ runs on the Erlang runtime, heavier than a single binary, but a broker per gateway works, forwarding to the plant with the Shovel or Federation plugin when the link is back.',
      source: 'https://www.rabbitmq.com/docs/shovel; https://www.rabbitmq.com/docs/federation',
    },
    sqs: CLOUD_ONLY('AWS', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html'),
    'sqs-fifo': CLOUD_ONLY(
      'AWS',
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html',
    ),
    nats: {
      fit: 'meets',
      why: 'nats-server is one small binary without dependencies; on a gateway it joins the plant’s cluster as a leaf node, local clients keep talking while the link is down, and a JetStream stream on the leaf keeps what must be forwarded.',
      source:
        'https://docs.nats.io/running-a-nats-service/configuration/leafnodes; https://docs.nats.io/running-a-nats-service/configuration/leafnodes/jetstream_leafnodes',
    },
    pubsub: CLOUD_ONLY('Google Cloud', 'https://cloud.google.com/pubsub/docs/overview'),
    eventbridge: CLOUD_ONLY('AWS', 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-what-is.html'),
  },
};

export const REQUEST_REPLY: Requirement = {
  id: 'request-reply',
  label: 'Request-reply',
  text: 'A caller sends a request and waits for the answer of whichever instance handled it.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'No request-reply in the broker: requests and replies are two topics and a correlation id header (Spring’s ReplyingKafkaTemplate), each hop waiting for a consumer’s poll.',
      source: 'https://docs.spring.io/spring-kafka/reference/kafka/sending-messages.html#replying-template',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'Direct reply-to (amq.rabbitmq.reply-to) lets the caller get replies without declaring a reply queue; correlation_id pairs each reply with its request.',
      source: 'https://www.rabbitmq.com/docs/direct-reply-to',
    },
    sqs: {
      fit: 'cost',
      why: 'Replies go through a reply queue; the Temporary Queue Client gives each caller virtual queues for request-response, at the cost of a client library and polling.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-temporary-queues.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'As with standard queues: a reply queue per caller (or the Temporary Queue Client) and polling.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-temporary-queues.html',
    },
    nats: {
      fit: 'meets',
      why: 'Request-reply is built in: a request carries a unique reply subject (an inbox) and the first reply comes straight back to the caller.',
      source: 'https://docs.nats.io/nats-concepts/core-nats/reqreply',
    },
    pubsub: {
      fit: 'cost',
      why: 'Publishing is one-way: a reply topic and subscription with a correlation attribute, built by you.',
      source: 'https://cloud.google.com/pubsub/docs/overview',
    },
    eventbridge: {
      fit: 'fails',
      why: 'PutEvents returns once the bus has accepted the event; targets are invoked asynchronously and nothing carries their answer back to the caller.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html',
    },
  },
};

export const WILDCARD_SUBSCRIPTIONS: Requirement = {
  id: 'wildcard-subscriptions',
  label: 'Wildcard subscriptions',
  text: 'Listeners choose what they hear with wildcards over hierarchical names, such as plant.line3.* or plant.>.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'Topic names are flat; a consumer may subscribe to the topics matching a regular expression, so a hierarchy means many topics (each with partitions to manage) or filtering in the consumer.',
      source: 'https://kafka.apache.org/documentation/#consumerapi',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'A topic exchange matches routing keys with * (one word) and # (zero or more words).',
      source: 'https://www.rabbitmq.com/tutorials/tutorial-five-javascript',
    },
    sqs: {
      fit: 'cost',
      why: 'No hierarchical names: each subscription has a filter policy on message attributes or payload fields (prefix matching included).',
      source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'As with standard topics: a filter policy per subscription, no hierarchical names.',
      source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html',
    },
    nats: {
      fit: 'meets',
      why: 'Subjects are hierarchical; subscriptions use * (one token) and > (the rest).',
      source: 'https://docs.nats.io/nats-concepts/subjects#wildcards',
    },
    pubsub: {
      fit: 'cost',
      why: 'No hierarchical names: a subscription can filter on attributes (hasPrefix included), and its filter is fixed when it is created.',
      source: 'https://cloud.google.com/pubsub/docs/subscription-message-filter',
    },
    eventbridge: {
      fit: 'cost',
      why: 'No hierarchical names: a rule per listener, with event patterns that match fields by prefix, suffix or wildcard.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html',
    },
  },
};

export const LOAD_BALANCED_RESPONDERS: Requirement = {
  id: 'load-balanced-responders',
  label: 'Responders share the load',
  text: 'Several instances of the answering service share the requests; each request is answered by one.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'Responders in one consumer group share partitions: at most one responder per partition, and a slow request holds up the others in its partition.',
      source: 'https://kafka.apache.org/documentation/#intro_concepts_and_terms',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'Responders consuming one queue take turns; each request goes to one of them.',
      source: 'https://www.rabbitmq.com/docs/consumers',
    },
    sqs: {
      fit: 'meets',
      why: 'Responders receive from one queue; each message is hidden from the others while one works on it.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    },
    'sqs-fifo': {
      fit: 'meets',
      why: 'Responders receive from one queue; requests of different message groups go to different responders.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html',
    },
    nats: {
      fit: 'meets',
      why: 'Responders subscribe in a queue group; the server gives each request to one member.',
      source: 'https://docs.nats.io/nats-concepts/core-nats/queue',
    },
    pubsub: {
      fit: 'meets',
      why: 'Subscribers of one subscription share its messages; each is delivered to one of them (at least once).',
      source: 'https://cloud.google.com/pubsub/docs/subscription-overview',
    },
    eventbridge: {
      fit: 'meets',
      why: 'Each matching event invokes its target once (at least once); a Lambda target runs as many instances as there are events.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html',
    },
  },
};

const WAITS = (what: string, source: string) => ({
  fit: 'fails' as const,
  why: `${what} whether or not any instance is running, so the caller learns nothing until its own timeout.`,
  source,
});

export const NO_RESPONDERS_FAST: Requirement = {
  id: 'no-responders-fast',
  label: 'Fails fast when nobody answers',
  text: 'When no instance of the answering service is running, the caller learns it at once instead of waiting out its timeout.',
  aspect: null,
  verdicts: {
    kafka: WAITS(
      'A request is appended to its topic',
      'https://kafka.apache.org/documentation/#intro_concepts_and_terms',
    ),
    rabbitmq: {
      fit: 'cost',
      why: 'A request published with the mandatory flag comes back (basic.return) only when no queue is bound; a bound queue without consumers accepts it and it waits. Checking the queue’s consumer count, or a per-message TTL, is up to you.',
      source: 'https://www.rabbitmq.com/docs/publishers#unroutable',
    },
    sqs: WAITS(
      'A request waits in the queue',
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    ),
    'sqs-fifo': WAITS(
      'A request waits in the queue',
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html',
    ),
    nats: {
      fit: 'meets',
      why: 'When no subscription matches the request’s subject, the server answers at once with a 503 “no responders” status.',
      source: 'https://docs.nats.io/nats-concepts/core-nats/reqreply',
    },
    pubsub: WAITS(
      'A request is kept for the subscription',
      'https://cloud.google.com/pubsub/docs/subscription-overview',
    ),
    eventbridge: WAITS(
      'PutEvents accepts the event',
      'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html',
    ),
  },
};
