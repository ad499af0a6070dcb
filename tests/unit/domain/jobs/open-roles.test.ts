import { describe, expect, it } from 'vitest';
import { openRolesText } from '../../../../src/domain/jobs/open-roles';

describe('openRolesText', () => {
  it.each([
    [0, '0 open roles'],
    [1, '1 open role'],
    [2, '2 open roles'],
    [31, '31 open roles'],
  ])('%i -> %s', (count, text) => expect(openRolesText(count)).toBe(text));
});
