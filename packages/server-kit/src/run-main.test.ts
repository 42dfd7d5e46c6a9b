import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from './config/config-error.js';
import { type MainProcess, runMain, type Started } from './run-main.js';

/** A stand-in process that records exits and printed errors and can raise signals. */
function fakeProcess() {
  const listeners = new Map<string, () => void>();
  const host = {
    once: vi.fn((signal: NodeJS.Signals, listener: () => void) => listeners.set(signal, listener)),
    exit: vi.fn(),
    error: vi.fn(),
  } satisfies MainProcess;
  const raise = async (signal: NodeJS.Signals) => {
    listeners.get(signal)?.();
    await vi.waitFor(() => expect(host.exit).toHaveBeenCalled());
  };
  return { host, raise, listeners };
}

describe('runMain', () => {
  it.each<NodeJS.Signals>(['SIGINT', 'SIGTERM'])('stops and exits 0 on %s', async (signal) => {
    const { host, raise } = fakeProcess();
    const started: Started = { stop: vi.fn(async () => {}), logger: { info: vi.fn() } };
    await runMain({ failureMessage: 'App could not start:', start: async () => started }, host);
    expect(started.stop).not.toHaveBeenCalled();

    await raise(signal);
    expect(started.logger?.info).toHaveBeenCalledWith({ signal }, 'shutting down');
    expect(started.stop).toHaveBeenCalledTimes(1);
    expect(host.exit).toHaveBeenCalledWith(0);
  });

  it.each<[string, unknown, unknown[]]>([
    [
      'a ConfigError, its message alone',
      new ConfigError('Invalid environment:\n- AS_PORT: too big'),
      ['Invalid environment:\n- AS_PORT: too big'],
    ],
    [
      'any other error, after the failure message',
      new Error('EADDRINUSE'),
      ['App could not start:', new Error('EADDRINUSE')],
    ],
  ])('prints %s and exits 1 when start fails', async (_name, error, printed) => {
    const { host, listeners } = fakeProcess();
    await runMain(
      { failureMessage: 'App could not start:', start: () => Promise.reject(error) },
      host,
    );
    expect(host.error).toHaveBeenCalledWith(...printed);
    expect(host.exit).toHaveBeenCalledWith(1);
    expect(listeners.size).toBe(0);
  });
});
