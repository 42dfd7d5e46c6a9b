import { describe, expect, it } from 'vitest';
import { MAX_RECORDED_TOOL_NAME_LENGTH, recordableToolName } from './tool-name.js';

describe('recordableToolName', () => {
  const long = 'x'.repeat(5000);

  it.each<[string, string, string]>([
    ['a catalogue name, unchanged', 'getJiraIssue', 'getJiraIssue'],
    ['exactly the limit, unchanged', 'y'.repeat(128), 'y'.repeat(128)],
    [
      'one past the limit, cut and marked',
      'y'.repeat(129),
      `${'y'.repeat(128)}… [truncated, 129 characters]`,
    ],
    ['a huge name, cut and marked', long, `${'x'.repeat(128)}… [truncated, 5000 characters]`],
    [
      'a cut through a surrogate pair drops the half character',
      `${'z'.repeat(127)}😀${'z'.repeat(10)}`,
      `${'z'.repeat(127)}… [truncated, 139 characters]`,
    ],
  ])('%s', (_name, input, expected) => {
    expect(recordableToolName(input)).toBe(expected);
  });

  it('never records more than the limit of the name itself', () => {
    const recorded = recordableToolName(long);
    expect(recorded.startsWith('x'.repeat(MAX_RECORDED_TOOL_NAME_LENGTH))).toBe(true);
    expect(recorded.length).toBeLessThan(MAX_RECORDED_TOOL_NAME_LENGTH + 40);
  });
});
