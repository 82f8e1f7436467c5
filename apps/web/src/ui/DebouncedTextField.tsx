import { type ComponentProps, useEffect, useRef, useState } from 'react';
import { TextField } from './Field';

/** Typing pauses this long before a filter applies: one request per word, not per key. */
const FILTER_DEBOUNCE_MS = 300;

type Props = Omit<ComponentProps<typeof TextField>, 'value' | 'onChange'> & {
  value: string;
  onCommit: (value: string) => void;
};

/**
 * A text field that reports its value, trimmed, once typing pauses, and follows `value` set
 * elsewhere (Clear filters, a link, Back).
 */
export function DebouncedTextField({ value, onCommit, ...field }: Props) {
  const [draft, setDraft] = useState(value);
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    setOutside(value);
    setDraft(value);
  }
  const latestCommit = useRef(onCommit);
  useEffect(() => {
    latestCommit.current = onCommit;
  });
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => latestCommit.current(draft.trim()), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return <TextField {...field} value={draft} onChange={(event) => setDraft(event.target.value)} />;
}
