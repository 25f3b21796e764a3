import { describe, expect, it } from 'vitest';
import { checkpointsTopic, isCycle, offsetSyncsTopic, remoteTopic, topicSource, upstreamTopic } from './policy';

describe('replication policies (DefaultReplicationPolicy, IdentityReplicationPolicy)', () => {
  it('names a remote topic <source alias>.<topic> and reads the alias back', () => {
    expect(remoteTopic('default', 'us', 'rides')).toBe('us.rides');
    expect(topicSource('default', 'us.rides')).toBe('us');
    expect(upstreamTopic('default', 'eu.us.rides')).toBe('us.rides');
    expect(topicSource('default', 'rides')).toBeNull();
  });

  it('does not replicate a topic back to the cluster it came from (isCycle), even two hops away', () => {
    expect(isCycle('default', 'us.rides', 'us')).toBe(true);
    expect(isCycle('default', 'eu.us.rides', 'us')).toBe(true);
    expect(isCycle('default', 'us.rides', 'ap')).toBe(false);
    expect(isCycle('default', 'rides', 'us')).toBe(false);
  });

  it('Identity keeps the name and cannot see a cycle', () => {
    expect(remoteTopic('identity', 'us', 'rides')).toBe('rides');
    expect(isCycle('identity', 'rides', 'us')).toBe(false);
  });

  it('names the internal topics as MM2 does', () => {
    expect(checkpointsTopic('us')).toBe('us.checkpoints.internal');
    expect(offsetSyncsTopic('eu')).toBe('mm2-offset-syncs.eu.internal');
  });
});
