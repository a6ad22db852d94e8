import type { EventName, EventPayloadOf } from '../contract';

/**
 * Where services push events ('sessions.changed', 'mfa.prompt', 'settings.changed', ...). The IPC
 * router is the real sink and checks every payload against the contract; a CLI process has no
 * listener. Emitting never throws and never waits.
 */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}
