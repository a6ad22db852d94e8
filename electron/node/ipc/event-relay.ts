import type { EventName, EventPayloadOf } from '../../../shared/contract';
import type { EventSink } from '../../../shared/ports/event-sink';

/**
 * The EventSink services are built with. The router is the real sink, but services are built
 * before it, so the composition root hands them this relay and connects the router afterwards.
 * Until then, and in a CLI process or a unit test that connects nothing, events are dropped.
 */
export class EventRelay implements EventSink {
  private target: EventSink | null = null;

  connect(target: EventSink): void {
    this.target = target;
  }

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    this.target?.emit(event, payload);
  }
}
