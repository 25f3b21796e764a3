/**
 * MirrorMaker 2's replication policies (apache/kafka connect/mirror-client: DefaultReplicationPolicy.java,
 * IdentityReplicationPolicy.java) and the cycle check of MirrorSourceConnector.isCycle.
 */

export type PolicyName = 'default' | 'identity';

/** DefaultReplicationPolicy.SEPARATOR_DEFAULT (replication.policy.separator). */
export const SEPARATOR = '.';

/** formatRemoteTopic: `<source alias>.<topic>` (DefaultReplicationPolicy); the name unchanged (Identity). */
export const remoteTopic = (policy: PolicyName, sourceAlias: string, topic: string): string =>
  policy === 'identity' ? topic : `${sourceAlias}${SEPARATOR}${topic}`;

/** topicSource: the alias before the first separator, null for a local topic; Identity cannot tell (null). */
export function topicSource(policy: PolicyName, topic: string): string | null {
  if (policy === 'identity') return null;
  const parts = topic.split(SEPARATOR);
  return parts.length < 2 ? null : parts[0]!;
}

/** upstreamTopic: the name without its source alias (Default); the same name (Identity). */
export function upstreamTopic(policy: PolicyName, topic: string): string | null {
  if (policy === 'identity') return topic;
  const source = topicSource(policy, topic);
  return source === null ? null : topic.slice(source.length + SEPARATOR.length);
}

/**
 * MirrorSourceConnector.isCycle: a topic whose source (recursively) is the target cluster is already there and
 * is not replicated back. Identity names carry no alias, so nothing is ever a cycle (its javadoc: "MirrorMaker is
 * not able to prevent cycles when using this replication policy").
 */
export function isCycle(policy: PolicyName, topic: string, targetAlias: string): boolean {
  const source = topicSource(policy, topic);
  if (source === null) return false;
  if (source === targetAlias) return true;
  const up = upstreamTopic(policy, topic);
  if (up === null || up === topic) return false;
  return isCycle(policy, up, targetAlias);
}

/** DefaultReplicationPolicy.checkpointsTopic: `<source alias>.checkpoints.internal`, in the target cluster. */
export const checkpointsTopic = (sourceAlias: string): string => `${sourceAlias}.checkpoints.internal`;

/** DefaultReplicationPolicy.offsetSyncsTopic: `mm2-offset-syncs.<target alias>.internal` (in the source by default). */
export const offsetSyncsTopic = (targetAlias: string): string => `mm2-offset-syncs.${targetAlias}.internal`;
