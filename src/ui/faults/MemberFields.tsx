import type { World } from '../../scenarios/world';
import { SelectField } from './Field';

export interface MemberChoice {
  groupId: string;
  memberId: string;
}

/** Which consumer: a group that has members, then one of its members (sorted by id). */
export function MemberFields({
  world,
  value,
  onChange,
}: {
  world: World;
  value: MemberChoice;
  onChange(value: MemberChoice): void;
}) {
  const groups = groupsWithMembers(world);
  const members = membersOf(world, value.groupId);
  return (
    <>
      <SelectField
        label="Group"
        value={value.groupId}
        options={groups}
        onChange={(groupId) => onChange({ groupId, memberId: membersOf(world, groupId)[0] ?? '' })}
      />
      <SelectField
        label="Member"
        value={value.memberId}
        options={members}
        onChange={(memberId) => onChange({ ...value, memberId })}
      />
    </>
  );
}

export const groupsWithMembers = (world: World): string[] =>
  Object.values(world.broker.groups)
    .filter((g) => Object.keys(g.members).length > 0)
    .map((g) => g.groupId);

export const membersOf = (world: World, groupId: string): string[] =>
  Object.keys(world.broker.groups[groupId]?.members ?? {}).sort();

/** Every member of every group with members, group by group (members sorted by id). */
export const allMembers = (world: World): MemberChoice[] =>
  groupsWithMembers(world).flatMap((groupId) => membersOf(world, groupId).map((memberId) => ({ groupId, memberId })));

/** The first member of the first group with members. */
export function firstMember(world: World): MemberChoice {
  const groupId = groupsWithMembers(world)[0] ?? '';
  return { groupId, memberId: membersOf(world, groupId)[0] ?? '' };
}
