import { describe, expect, it } from 'vitest';
import { parseAuditVerifyArgs, parseChainHead, UsageError } from './verify-args.js';

const HASH = 'ab'.repeat(32);

describe('parseAuditVerifyArgs', () => {
  it.each<[string[], object]>([
    [[], { help: false }],
    [['--expect-head', `21:${HASH}`], { help: false, expectHead: { seq: 21, hash: HASH } }],
    [[`--expect-head=7:${HASH}`], { help: false, expectHead: { seq: 7, hash: HASH } }],
    [['--', '--expect-head', `3:${HASH}`], { help: false, expectHead: { seq: 3, hash: HASH } }],
    [['--require-keyed'], { help: false, requireKeyed: true }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseAuditVerifyArgs(argv)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['--expect-head'], "'--expect-head <value>' argument missing"],
    [['--expect-head', '21'], '--expect-head must be <seq>:<hash>'],
    [['--expect-head', `21:${HASH.toUpperCase()}`], '--expect-head must be <seq>:<hash>'],
    [[`--expect-head=-1:${HASH}`], '--expect-head must be <seq>:<hash>'],
    [['--unknown'], "Unknown option '--unknown'"],
    [['extra'], "Unexpected argument 'extra'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseAuditVerifyArgs(argv)).toThrow(UsageError);
    expect(() => parseAuditVerifyArgs(argv)).toThrow(message);
  });
});

describe('parseChainHead', () => {
  it('reads the head as printed, surrounding spaces aside', () => {
    expect(parseChainHead(` 0:${'0'.repeat(64)} `)).toEqual({ seq: 0, hash: '0'.repeat(64) });
  });
});
