import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import './segments.css';
import { editorCatalog } from '../rule-editor';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingState } from '../ui/LoadingState';
import { segmentOptions } from './segment-options';
import { SegmentEditor } from './SegmentEditor';

const SegmentBuilderQuery = graphql(`
  query SegmentBuilderQuery($id: ID!, $withSegment: Boolean!) {
    catalog {
      traits {
        path
        type
        count
        examples
      }
      events {
        name
        properties {
          path
          type
          count
          examples
        }
      }
    }
    segments {
      id
      name
      rule
    }
    segment(id: $id) @include(if: $withSegment) {
      id
      name
      description
      rule
      version
      size
      archivedAt
      updatedAt
    }
  }
`);

/** `/segments/new` and `/segments/:id`: the segment builder, with the catalog and segments it needs. */
export function SegmentBuilderPage() {
  const { id } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: SegmentBuilderQuery,
    variables: { id: id ?? '', withSegment: id !== undefined },
    requestPolicy: 'cache-and-network',
  });
  const catalog = useMemo(() => (data ? editorCatalog(data.catalog) : undefined), [data]);
  const segments = useMemo(() => segmentOptions(data?.segments ?? []), [data]);
  const title = id ? (data?.segment?.name ?? 'Segment') : 'New segment';
  return (
    <div className="page page--wide">
      <title>{`${title} · Cairn`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/segments">Segments</Link> <span aria-hidden="true">/</span> <span>{title}</span>
      </nav>
      <h1 className="builder__title" data-testid="builder-title">
        {title}
      </h1>
      {error && !data ? (
        <ErrorNotice
          title="Could not load the segment builder"
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : !data || !catalog ? (
        <LoadingState label="Loading the catalog and segments…" />
      ) : id && !data.segment ? (
        <EmptyState title="No such segment" testId="segment-missing">
          <p className="muted">It may have been deleted, or the link is from another workspace.</p>
          <Link to="/segments" className="button">
            Back to segments
          </Link>
        </EmptyState>
      ) : (
        <SegmentEditor
          key={data.segment ? `${data.segment.id}@${data.segment.version}` : 'new'}
          segment={data.segment ?? undefined}
          catalog={catalog}
          segments={segments}
        />
      )}
    </div>
  );
}
