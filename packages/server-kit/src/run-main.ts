import { ConfigError } from './config/config-error.js';

/** What a started process keeps running, and where it notes the signal that stops it. */
export interface Started {
  /** Stops everything that was started (listeners, then the store), in order. */
  stop(): Promise<void>;
  /** Notes `shutting down` with the signal's name, when given. */
  logger?: { info(context: Record<string, unknown>, message: string): void };
}

/** The process `runMain` acts on; `process` and `console` unless a test passes its own. */
export interface MainProcess {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): void;
  error(...data: unknown[]): void;
}

/** The signals that stop a server: Ctrl+C, and what container runtimes send. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

const nodeProcess: MainProcess = {
  once: (signal, listener) => process.once(signal, listener),
  exit: (code) => process.exit(code),
  error: (...data) => console.error(...data),
};

/**
 * A server's `main`: runs `start` (configuration, logger, store, listeners), then on SIGINT or
 * SIGTERM stops what it started and exits 0. If `start` fails, exits 1 after printing a
 * `ConfigError`'s message alone (it already says what to fix), or `failureMessage` and the error.
 * Resolves once started or failed, for tests.
 */
export async function runMain(
  options: { failureMessage: string; start(): Promise<Started> },
  host: MainProcess = nodeProcess,
): Promise<void> {
  let started: Started;
  try {
    started = await options.start();
  } catch (error) {
    if (error instanceof ConfigError) host.error(error.message);
    else host.error(options.failureMessage, error);
    host.exit(1);
    return;
  }
  const shutdown = async (signal: NodeJS.Signals) => {
    started.logger?.info({ signal }, 'shutting down');
    await started.stop();
    host.exit(0);
  };
  for (const signal of STOP_SIGNALS) host.once(signal, () => void shutdown(signal));
}
