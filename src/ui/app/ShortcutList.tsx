// "?": every key of the page, from the one registry (view/shortcuts), in a modal drawer.
import { APP_SHORTCUTS, NODE_SHORTCUTS, RING_MOVES } from '../../view/shortcuts';
import { Drawer } from './Drawer';

function Rows({ rows }: { rows: readonly { shown: string; label: string }[] }) {
  return (
    <dl className="shortcut-list">
      {rows.map((r) => (
        <div key={r.shown} className="shortcut-row">
          <dt>
            <kbd>{r.shown}</kbd>
          </dt>
          <dd>{r.label}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShortcutList({ onClose }: { onClose(): void }) {
  const nodeRows = [...RING_MOVES, ...NODE_SHORTCUTS.map((s) => ({ shown: s.key, label: s.label }))];
  return (
    <Drawer title="Keyboard shortcuts" subtitle="Anywhere but a text field or an open menu." onClose={onClose} testId="shortcut-list">
      <div className="shortcut-body">
        <h3>The page</h3>
        <Rows rows={APP_SHORTCUTS} />
        <h3>On a focused node</h3>
        <Rows rows={nodeRows} />
        <p className="panel-note">In presenter mode → and Space run or advance a lesson step, ← goes back, 1–4 pick an answer, Esc leaves.</p>
      </div>
    </Drawer>
  );
}
