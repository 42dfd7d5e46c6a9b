/**
 * Where the store reports problems it handles itself and cannot return to a caller: a failed
 * expiry sweep, an event listener that threw, a lost Redis connection. The signature is pino's
 * (`logger.warn({ err }, 'message')`), so an app passes its pino logger as is; `console` fits too.
 */
export interface StoreLogger {
  warn(context: Record<string, unknown>, message: string): void;
}

/** The default logger: one `console.warn` line per problem, tagged with the package name. */
export const consoleLogger: StoreLogger = {
  warn(context, message) {
    console.warn(`[@gatehouse/store] ${message}`, context);
  },
};
