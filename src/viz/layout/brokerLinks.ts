/** Ownership links: partition row → owning member, one colour per group (the view shows a subset). */
import { link } from './brokerGeometry';
import type { GroupVM, LinkVM, Point, TopicVM } from './brokerTypes';

export function layoutLinks(topics: readonly TopicVM[], groups: readonly GroupVM[]): LinkVM[] {
  const partitionAnchor = (topic: string, partition: number): Point | null => {
    const t = topics.find((x) => x.name === topic);
    const p = t?.partitions[partition];
    return t && p ? { x: t.x + t.width, y: p.anchorY } : null;
  };
  const links: LinkVM[] = [];
  for (const g of groups)
    for (const m of g.members)
      for (const c of m.chips) {
        if (c.state === 'revoked') continue;
        const from = partitionAnchor(c.topic, c.partition);
        if (!from) continue;
        const to = { x: m.x, y: m.y + 11 };
        links.push({
          id: `${g.groupId}/${m.memberId}/${c.topic}-${c.partition}`,
          d: link({ source: from, target: to }) ?? '',
          colour: g.colour,
          groupId: g.groupId,
        });
      }
  return links;
}
