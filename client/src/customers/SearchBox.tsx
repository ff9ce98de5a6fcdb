import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

export const SEARCH_DEBOUNCE_MS = 250;

interface Props {
  /** The search in the URL (`?q=`). */
  readonly value: string;
  /** Called with the trimmed text once typing pauses, or at once on Enter. */
  readonly onSearch: (search: string) => void;
}

/** The customer search: debounced while typing, and following the URL on back/forward. */
export function SearchBox({ value, onSearch }: Props) {
  const [text, setText] = useState(value);
  const [followed, setFollowed] = useState(value);
  // The URL changed under us (back/forward, a link): show its search instead of the typed text.
  if (value !== followed) {
    setFollowed(value);
    if (text.trim() !== value) setText(value);
  }
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    // Only once typing has settled: right after a URL change `settled` still holds the old text.
    if (settled === text && settled.trim() !== value) onSearch(settled.trim());
  }, [settled, text, value, onSearch]);

  const id = useId();
  return (
    <form
      role="search"
      className="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() !== value) onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Search customers
      </label>
      <input
        id={id}
        className="input search__input"
        type="search"
        placeholder="Search by name or email"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="customers-search"
      />
    </form>
  );
}
