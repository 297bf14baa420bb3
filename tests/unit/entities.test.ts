import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_IDS, isEntityId, isReasonNumber } from '@/utils/entities';

describe('entities', () => {
  it('the table lists each id of the one list once, in its order', () => {
    expect(ENTITIES.map((e) => e.id)).toEqual([...ENTITY_IDS]);
  });

  it('guards ids and reason numbers', () => {
    expect(ENTITY_IDS.every(isEntityId)).toBe(true);
    expect(isEntityId('baidu')).toBe(false);
    expect(isReasonNumber(8)).toBe(true);
    expect(isReasonNumber(0)).toBe(false);
    expect(isReasonNumber(1.5)).toBe(false);
  });
});
