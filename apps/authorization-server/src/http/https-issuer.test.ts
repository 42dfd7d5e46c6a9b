import { describe, expect, it } from 'vitest';
import { isHttpsIssuer } from './https-issuer.js';

describe('isHttpsIssuer', () => {
  it.each([
    ['https://auth.example.com', true],
    ['HTTPS://auth.example.com', true],
    ['https://auth.example.com:8443/tenant', true],
    ['http://localhost:4000', false],
    ['http://auth.example.com', false],
  ])('%s → %s', (issuer, expected) => {
    expect(isHttpsIssuer({ issuer })).toBe(expected);
  });
});
