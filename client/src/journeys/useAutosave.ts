import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { describeError, errorCode } from '../api/describeError';
import { SaveJourneyDraftMutation } from './api';
import type { EditorStore } from './editor/editor-store';
import { toGraph } from './editor/graph-convert';
import { selectEdits } from './editor/selectors';

/** Where the draft stands against the server. */
export type SaveStatus =
  | { readonly state: 'saved' }
  | { readonly state: 'pending' | 'saving' }
  | { readonly state: 'conflict' }
  | { readonly state: 'error'; readonly message: string };

/** Quiet time after the last edit before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the draft a moment after each edit, sending the revision it started from (the server
 * refuses a stale one with CONFLICT, which asks for a reload). `flush` saves now (before
 * publishing) and resolves once the server has the current document.
 */
export function useAutosave(store: EditorStore, journeyId: string, initialRevision: number) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const revision = useRef(initialRevision);
  const savedEdits = useRef(store.getState().edits);
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);
  const [, save] = useMutation(SaveJourneyDraftMutation);

  const flush = useCallback(async (): Promise<boolean> => {
    await inFlight.current;
    const edits = store.getState().edits;
    if (edits === savedEdits.current) return true;
    setStatus({ state: 'saving' });
    const graph = toGraph(store.getState().history.present);
    const run = save({
      id: journeyId,
      input: { graph: graph as unknown as Record<string, unknown>, revision: revision.current },
    }).then((result) => {
      const journey = result.data?.saveJourneyDraft.journey;
      if (result.error || !journey) {
        if (result.error && errorCode(result.error) === 'CONFLICT')
          setStatus({ state: 'conflict' });
        else
          setStatus({
            state: 'error',
            message: result.error
              ? describeError(result.error).message
              : 'The draft was not saved.',
          });
        return false;
      }
      revision.current = journey.draftRevision;
      savedEdits.current = edits;
      setStatus(store.getState().edits === edits ? { state: 'saved' } : { state: 'pending' });
      return true;
    });
    inFlight.current = run;
    return run;
  }, [store, journeyId, save]);

  const latestFlush = useRef(flush);
  useEffect(() => {
    latestFlush.current = flush;
  }, [flush]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = selectEdits(store.getState());
    const unsubscribe = store.subscribe(() => {
      const edits = selectEdits(store.getState());
      if (edits === last) return;
      last = edits;
      setStatus((s) => (s.state === 'conflict' ? s : { state: 'pending' }));
      clearTimeout(timer);
      timer = setTimeout(() => void latestFlush.current(), AUTOSAVE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);

  return { status, flush };
}
