import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { StackEvent } from '../../../../shared/domain/deploy-events';
import { VirtualListbox, type VirtualListboxHandle } from '../../ui/VirtualListbox';
import { eventTone, formatEventTime } from './deploy-format';

const ROW_HEIGHT = 44;

/**
 * The stack's events in the order they happened, the newest kept in view while the run goes
 * (unless the person moved through the list). Virtual: a long stack's thousands of events cost
 * only the rows on screen.
 */
export function EventList({ events }: { events: readonly StackEvent[] }): ReactElement {
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const list = useRef<VirtualListboxHandle>(null);
  const last = events.at(-1)?.eventId;
  useEffect(() => {
    if (last && activeKey === null) list.current?.reveal(last);
  }, [last, activeKey]);
  return (
    <VirtualListbox
      items={events}
      itemKey={(event) => event.eventId}
      itemHeight={() => ROW_HEIGHT}
      optionKey={(event) => event.eventId}
      optionId={(key) => `stack-event-${key}`}
      activeKey={activeKey}
      onActiveChange={setActiveKey}
      label="Stack events, oldest first"
      className={`deploy-events deploy-events--rows-${Math.min(6, Math.max(2, events.length))}`}
      testId="stack-events"
      listRef={list}
      renderItem={(event, { active, select }) => (
        <div
          id={`stack-event-${event.eventId}`}
          role="option"
          aria-selected={active}
          className={`deploy-event deploy-event--${eventTone(event.status)}${active ? ' deploy-event--active' : ''}`}
          onClick={select}
          data-status={event.status}
        >
          <span className="deploy-event__time">{formatEventTime(event.timestamp)}</span>
          <span className="deploy-event__what">
            <span className="deploy-mono">{event.logicalId}</span> <span className="deploy-muted">{event.resourceType}</span>
            {event.statusReason ? <span className="deploy-event__reason">{event.statusReason}</span> : null}
          </span>
          <span className="deploy-event__status">{event.status}</span>
        </div>
      )}
    />
  );
}
