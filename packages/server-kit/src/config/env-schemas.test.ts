import { describe, expect, it } from 'vitest';
import {
  booleanString,
  commaList,
  httpUrl,
  isPlainHttpOffLoopback,
  portNumber,
} from './env-schemas.js';

describe('booleanString', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('%s → %s', (value, expected) => {
    expect(booleanString.parse(value)).toBe(expected);
  });

  it.each(['TRUE', 'on', 'maybe', ''])('refuses %j', (value) => {
    expect(booleanString.safeParse(value).success).toBe(false);
  });
});

describe('httpUrl', () => {
  it.each([
    ['https://auth.example.com/', 'https://auth.example.com'],
    ['http://localhost:4001/mcp//', 'http://localhost:4001/mcp'],
    ['https://a.example/path', 'https://a.example/path'],
  ])('%s → %s', (value, expected) => {
    expect(httpUrl.parse(value)).toBe(expected);
  });

  it.each(['ftp://x', 'not a url', 'mailto:a@b.c'])('refuses %j as not http(s)', (value) => {
    const parsed = httpUrl.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('must be an http(s) URL');
  });
});

describe('commaList', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['a', ['a']],
    [' Mcp.Internal , proxy:8080,', ['mcp.internal', 'proxy:8080']],
    [',,', []],
  ])('%j → %j', (value, expected) => {
    expect(commaList.parse(value)).toEqual(expected);
  });
});

describe('portNumber', () => {
  it.each([
    ['0', true],
    ['4000', true],
    ['65535', true],
    ['65536', false],
    ['-1', false],
    ['eighty', false],
    ['80.5', false],
  ])('%s is a port: %s', (value, ok) => {
    expect(portNumber.safeParse(value).success).toBe(ok);
  });
});

describe('isPlainHttpOffLoopback', () => {
  it.each([
    ['http://auth.example.com', true],
    ['https://auth.example.com', false],
    ['http://localhost:4000', false],
    ['http://127.0.0.1:4000', false],
    ['http://[::1]:4000/mcp', false],
    ['http://LOCALHOST', false],
  ])('%s → %s', (url, expected) => {
    expect(isPlainHttpOffLoopback(url)).toBe(expected);
  });
});
