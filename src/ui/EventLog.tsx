// The latest events, newest first, coloured and labelled by kind.
import { selectLog, selectLogSkipped, useAppStore } from '../store';
import { formatClock, formatCount } from './format';
import { LOG_KIND_LABEL } from './palette';

export function EventLog() {
  const log = useAppStore(selectLog);
  const skipped = useAppStore(selectLogSkipped);
  return (
    <section className="panel event-log" aria-labelledby="log-title">
      <h2 id="log-title">
        Events
        {skipped > 0 && <span className="log-skipped"> ({formatCount(skipped)} skipped)</span>}
      </h2>
      {log.length === 0 ? (
        <p className="empty-state">Nothing yet. Kill a node or send a write.</p>
      ) : (
        <ol className="log-list" data-testid="event-log">
          {log.map((e) => (
            <li key={e.seq} className={`log-${e.kind}`}>
              <span className="log-time">{formatClock(e.at)}</span>
              <span className="log-kind">{LOG_KIND_LABEL[e.kind]}</span>
              <span className="log-text">
                <LogText node={e.node} text={e.text} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Bolds the node the event is about; engine texts usually start with it already. */
function LogText({ node, text }: { node?: string; text: string }) {
  if (!node) return <>{text}</>;
  const lead = text.startsWith(`${node}:`) ? `${node}:` : text.startsWith(`${node} `) ? node : null;
  if (lead === null) {
    return (
      <>
        <strong>{node}</strong> {text}
      </>
    );
  }
  return (
    <>
      <strong>{lead}</strong>
      {text.slice(lead.length)}
    </>
  );
}
