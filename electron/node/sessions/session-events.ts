import type { EventName, EventPayloadOf } from '../../../shared/contract';

/**
 * Where session and MFA services push events ('sessions.changed', 'mfa.prompt', ...). The router
 * is the real sink; services are built before it, so the composition root hands them a relay that
 * the router is connected to afterwards.
 */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}

/** Forwards to whatever is connected; drops events until then (a CLI or a unit test has no listener). */
export class EventRelay implements EventSink {
  private target: EventSink | null = null;

  connect(target: EventSink): void {
    this.target = target;
  }

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    this.target?.emit(event, payload);
  }
}
