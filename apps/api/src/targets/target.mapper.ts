import type { TargetStrength, TargetView } from '@sitenet/domain';
import type { TargetEntity } from './target.entity.js';

export function toTarget(entity: TargetEntity): TargetView {
  return {
    id: entity.id,
    regionCode: entity.regionCode,
    kinds: entity.kinds,
    title: entity.title,
    strength: entity.strength as TargetStrength,
    startsOn: entity.startsOn,
    deadline: entity.deadline,
    deadlineAssumed: entity.deadlineAssumed,
    source: entity.source,
    rule: entity.rule,
    note: entity.note,
    retired: entity.retired,
    origin: entity.origin as 'seed' | 'user',
    version: entity.version,
  };
}
