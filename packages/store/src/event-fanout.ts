import type { StoreEvent, StoreEventListener } from './contract.js';
import { toJson } from './json.js';
import type { StoreLogger } from './logger.js';
import { parseOrThrow, storeEventSchema } from './validation.js';

/** Checks an event before it is published and serialises it for the wire. */
export function serializeStoreEvent(event: StoreEvent): string {
  return toJson(parseOrThrow(storeEventSchema, event, 'store event'));
}

/**
 * Reads an event from the wire. Returns null for anything that is not a valid event (a message
 * from a newer version, garbage on the channel), so one bad message never stops delivery.
 */
export function parseStoreEvent(text: string): StoreEvent | null {
  try {
    const result = storeEventSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** What a backend does when its first listener arrives and after its last one leaves. */
export interface FanoutHooks {
  onFirstListener(): void;
  onLastListenerGone(): void;
}

/** The local half of an event channel: who listens in this process, and delivery to them. */
export interface EventFanout {
  subscribe(listener: StoreEventListener): () => void;
  /** Calls every current listener with its own copy; a listener that throws is logged, not fatal. */
  emit(event: StoreEvent): void;
  /** Forgets every listener (on close) without calling the hooks. */
  clear(): void;
  readonly size: number;
}

/** Listener bookkeeping both backends share; the backend only moves messages between processes. */
export function createEventFanout(logger: StoreLogger, hooks: FanoutHooks): EventFanout {
  // One entry per subscribe call, so the same function subscribed twice is called twice and
  // each unsubscribe removes only its own subscription.
  const subscriptions = new Set<{ listener: StoreEventListener }>();
  return {
    subscribe(listener) {
      const subscription = { listener };
      subscriptions.add(subscription);
      if (subscriptions.size === 1) hooks.onFirstListener();
      return () => {
        if (!subscriptions.delete(subscription)) return;
        if (subscriptions.size === 0) hooks.onLastListenerGone();
      };
    },
    emit(event) {
      for (const { listener } of [...subscriptions]) {
        try {
          listener({ ...event });
        } catch (error) {
          logger.warn({ err: error, event: event.type }, 'store event listener threw');
        }
      }
    },
    clear() {
      subscriptions.clear();
    },
    get size() {
      return subscriptions.size;
    },
  };
}
