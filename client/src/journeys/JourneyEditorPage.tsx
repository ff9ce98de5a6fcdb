import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { segmentOptions } from '../segments/segment-options';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingState } from '../ui/LoadingState';
import { JourneyEditorQuery } from './api';
import { JourneyEditor } from './JourneyEditor';
import './journeys.css';

/** `/journeys/:id`: the journey editor, with the catalog, segments and sample customers. */
export function JourneyEditorPage() {
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: JourneyEditorQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const segments = useMemo(() => segmentOptions(data?.segments ?? []), [data]);
  const customers = useMemo(() => data?.customers.edges.map((e) => e.node) ?? [], [data]);
  const journey = data?.journey;
  return (
    <div className="page page--editor">
      <title>{`${journey?.name ?? 'Journey'} · Cairn`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/journeys">Journeys</Link> <span aria-hidden="true">/</span>{' '}
        <span>{journey?.name ?? '…'}</span>
      </nav>
      {error && !data ? (
        <ErrorNotice
          title="Could not load the journey"
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : !data ? (
        <LoadingState label="Loading the journey…" />
      ) : !journey ? (
        <EmptyState title="No such journey" testId="journey-missing">
          <p className="muted">
            It may have been archived in another workspace, or the link is wrong.
          </p>
          <Link to="/journeys" className="button">
            All journeys
          </Link>
        </EmptyState>
      ) : (
        <JourneyEditor
          key={journey.id}
          journey={journey}
          catalog={data.catalog}
          segments={segments}
          customers={customers}
        />
      )}
    </div>
  );
}
