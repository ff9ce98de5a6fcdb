import { useState } from 'react';
import type { EditorCatalog, RuleDraft } from '../../rule-editor';
import { CrossTabPanel } from './CrossTabPanel';
import { ExplainPanel } from './ExplainPanel';
import { SizeHistoryPanel } from './SizeHistoryPanel';
import { ValuePanel } from './ValuePanel';
import { VersionsPanel } from './VersionsPanel';

const TABS = [
  { id: 'history', label: 'Size history' },
  { id: 'value', label: 'Value' },
  { id: 'crosstab', label: 'Cross-tab' },
  { id: 'explain', label: 'Explain a customer' },
  { id: 'versions', label: 'Versions' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** What a saved segment tells: size over time, revenue, a cross-tab, why a customer is in, versions. */
export function SegmentInsights(props: {
  readonly segmentId: string;
  readonly catalog: EditorCatalog;
  readonly onRestore: (rule: RuleDraft) => void;
}) {
  const [tab, setTab] = useState<TabId>('history');
  return (
    <section className="panel insights" aria-label="Insights">
      <div className="tabs" role="tablist" aria-label="Insights">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            className={`tabs__tab${tab === t.id ? ' tabs__tab--on' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`tabpanel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="insights__body"
      >
        {tab === 'history' && <SizeHistoryPanel segmentId={props.segmentId} />}
        {tab === 'value' && <ValuePanel segmentId={props.segmentId} />}
        {tab === 'crosstab' && (
          <CrossTabPanel segmentId={props.segmentId} catalog={props.catalog} />
        )}
        {tab === 'explain' && <ExplainPanel segmentId={props.segmentId} />}
        {tab === 'versions' && (
          <VersionsPanel segmentId={props.segmentId} onRestore={props.onRestore} />
        )}
      </div>
    </section>
  );
}
