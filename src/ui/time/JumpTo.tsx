// "Jump to" a simulated time written like 1h30m, 90s or 2d: ahead it runs there, earlier it goes
// back (a seek) unless `back` is false. A time that does not read, is the current one or lies
// beyond the scenario's end is refused here with an error naming the field; nothing is sent.
import { useId, useState, type FormEvent } from 'react';
import { JUMP_EXAMPLES, readJumpTarget } from '../../view/time/jumpTarget';

export function JumpTo({ disabled, now, until, onJump, back = true }: {
  disabled: boolean;
  now: number;
  until: number | null;
  /** Called with a time ahead, or (with `back`) earlier than now. */
  onJump(atMs: number): void;
  /** Times already passed are accepted (time travel); false refuses them. */
  back?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = `${id}-error`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readJumpTarget(text, now, until, back);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    setError(null);
    onJump(read.atMs);
  };

  return (
    <form className="jump-to" onSubmit={submit} noValidate data-testid="jump-to-form">
      <label className="jump-to-label" htmlFor={`${id}-input`}>
        to
      </label>
      <input
        id={`${id}-input`}
        aria-label={back ? 'Jump to time, earlier or later' : 'Jump to time'}
        data-testid="jump-to"
        className="jump-to-input"
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        placeholder="1h30m"
        title={back ? `A simulated time, earlier or later, like ${JUMP_EXAMPLES}` : `A simulated time ahead, like ${JUMP_EXAMPLES}`}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && error) setError(null);
        }}
      />
      <button type="submit" className="btn jump-to-go" disabled={disabled} aria-label="Go to that time">
        Go
      </button>
      {error && (
        <p id={errorId} className="jump-to-error" role="alert" data-testid="jump-to-error">
          {error}
        </p>
      )}
    </form>
  );
}
