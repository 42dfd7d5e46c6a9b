import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChildStoreConfig } from './context.js';

const fixtures = new URL('../../test/fixtures/', import.meta.url);
const registerTs = new URL('register-ts.mjs', fixtures).href;
const childScript = fileURLToPath(new URL('store-child.mjs', fixtures));

/** A running test/fixtures/store-child.mjs and the lines it has printed. */
export interface StoreChild {
  /** Resolves with the first stdout line starting with `prefix`; rejects on exit or timeout. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  kill(): void;
}

/** Starts a second Node process on the same storage, running one store-child command. */
export function startStoreChild(config: ChildStoreConfig, command: string[]): StoreChild {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', registerTs, childScript, JSON.stringify(config), ...command],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    lines.push(text);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      for (const wake of waiters) wake();
      resolve(code);
    });
  });

  function line(prefix: string, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`child printed no "${prefix}" line`)),
        timeoutMs,
      );
      const finish = (error?: Error, found?: string) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (found !== undefined) resolve(found);
        else reject(new Error(`${error?.message}; stderr: ${stderr || '(empty)'}`));
      };
      const check = () => {
        const found = lines.find((text) => text.startsWith(prefix));
        if (found !== undefined) finish(undefined, found);
        else if (child.exitCode !== null) finish(new Error(`child exited ${child.exitCode}`));
      };
      waiters.add(check);
      check();
    });
  }

  return { line, exited, kill: () => child.kill() };
}
