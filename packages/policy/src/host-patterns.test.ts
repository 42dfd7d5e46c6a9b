import { describe, expect, it } from 'vitest';
import {
  describeHostPatternProblem,
  isClientHostAllowed,
  matchesHostPattern,
} from './host-patterns.js';

describe('describeHostPatternProblem', () => {
  it.each([
    'example.com',
    '*.example.com',
    '*.a.b.example.co.uk',
    'localhost',
    'xn--bcher-kva.example',
    'a-b.example.com',
    '127.0.0.1',
  ])('%j is valid', (pattern) => {
    expect(describeHostPatternProblem(pattern)).toBeNull();
  });

  it.each([
    ['', 'must not be empty'],
    ['*', 'must not be a bare *'],
    ['https://example.com', 'must not include a scheme'],
    ['example.com/path', 'must not include a path'],
    ['example.com:8443', 'must not include a port'],
    ['[::1]', 'must not include a port'],
    ['bücher.example', 'ASCII (punycode, xn--) form'],
    ['a.*.example.com', 'may use * only as the whole first part'],
    ['*example.com', 'may use * only as the whole first part'],
    ['**.example.com', 'may use * only as the whole first part'],
    ['*.com', 'not a top-level domain alone'],
    ['-bad.example.com', 'must be a domain name'],
    ['bad-.example.com', 'must be a domain name'],
    ['a..example.com', 'must be a domain name'],
    ['example.com.', 'must be a domain name'],
    ['exa_mple.com', 'must be a domain name'],
    ['user@example.com', 'must be a domain name'],
    [`${'a'.repeat(64)}.example.com`, 'must be a domain name'],
    [`${'a.'.repeat(127)}com`, 'must be a domain name'],
  ])('%j: %s', (pattern, problem) => {
    expect(describeHostPatternProblem(pattern)).toContain(problem);
  });
});

describe('matchesHostPattern', () => {
  it.each([
    ['example.com', 'example.com', true],
    ['example.com', 'EXAMPLE.com', true],
    ['example.com', 'example.com.', true],
    ['example.com', 'app.example.com', false],
    ['example.com', 'notexample.com', false],
    ['*.example.com', 'app.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'APP.Example.COM', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'badexample.com', false],
    ['*.example.com', '.example.com', false],
    ['*.example.com', 'a..example.com', false],
    ['*.example.com', 'example.com.evil.net', false],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example', true],
    ['xn--bcher-kva.example', 'bücher.example', false],
  ])('%j vs %j → %s', (pattern, host, expected) => {
    expect(matchesHostPattern(pattern, host)).toBe(expected);
  });
});

describe('isClientHostAllowed', () => {
  it.each([
    [[], 'anything.example', true],
    [['example.com'], 'example.com', true],
    [['example.com'], 'other.com', false],
    [['example.com', '*.example.org'], 'app.example.org', true],
    [['example.com', '*.example.org'], 'example.org', false],
  ])('%j allows %j: %s', (allowedClientDomains, host, expected) => {
    expect(isClientHostAllowed({ allowedClientDomains }, host)).toBe(expected);
  });
});
