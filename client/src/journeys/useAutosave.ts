import type { JourneyGraph } from '@cairn/schema';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import { describeError, errorCode } from '../api/describeError';
import { getFragmentData } from '../gql';
import { JourneyDraftQuery, JourneyEditorProblem, SaveJourneyDraftMutation } from './api';
import type { LatestDraft } from './editor/conflict';
import { createDraftSync, type DraftSync, type SaveOutcome } from './editor/draft-sync';
import type { EditorStore } from './editor/editor-store';
import { fromApiProblem } from './editor/merge-problems';

export type { SaveStatus } from './editor/draft-sync';

/** Quiet time after the last edit before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the draft a moment after each edit with the revision it started from (`createDraftSync`).
 * When the server refuses a stale revision (CONFLICT) the edits stay here until the marketer
 * reloads theirs or keeps theirs; `flush` saves now (before publishing).
 */
export function useAutosave(store: EditorStore, journeyId: string, initialRevision: number) {
  const client = useClient();
  const [sync] = useState<DraftSync>(() =>
    createDraftSync({
      store,
      revision: initialRevision,
      delayMs: AUTOSAVE_DELAY_MS,
      async save(graph, revision): Promise<SaveOutcome> {
        const result = await client
          .mutation(SaveJourneyDraftMutation, {
            id: journeyId,
            input: { graph: graph as unknown as Record<string, unknown>, revision },
          })
          .toPromise();
        const payload = result.data?.saveJourneyDraft;
        if (result.error && errorCode(result.error) === 'CONFLICT')
          return { ok: false, conflict: true };
        if (result.error || !payload?.journey)
          return {
            ok: false,
            message: result.error
              ? describeError(result.error).message
              : 'The draft was not saved.',
          };
        return {
          ok: true,
          revision: payload.journey.draftRevision,
          problems: payload.problems.map((p) =>
            fromApiProblem(getFragmentData(JourneyEditorProblem, p)),
          ),
        };
      },
      async loadLatest(): Promise<LatestDraft | undefined> {
        const result = await client
          .query(JourneyDraftQuery, { id: journeyId }, { requestPolicy: 'network-only' })
          .toPromise();
        const journey = result.data?.journey;
        if (!journey) return undefined;
        return {
          graph: journey.draft as unknown as JourneyGraph,
          revision: journey.draftRevision,
        };
      },
    }),
  );
  useEffect(() => sync.start(), [sync]);
  const state = useSyncExternalStore(sync.subscribe, sync.getState);
  return {
    status: state.status,
    conflict: state.conflict,
    serverProblems: state.problems,
    flush: sync.flush,
    reloadTheirs: sync.reloadTheirs,
    keepMine: sync.keepMine,
  };
}
