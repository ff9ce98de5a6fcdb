import { createContext, useContext } from 'react';
import type { EditorCatalog, SegmentOption } from '../../rule-editor';

/** A customer the template preview and the simulation can use. */
export interface SampleCustomer {
  readonly id: string;
  readonly email: string | null;
  readonly traits: Record<string, unknown>;
}

/** What the inspectors pick from: the workspace's catalog, segments and sample customers. */
export interface InspectorData {
  readonly catalog: EditorCatalog;
  readonly segments: readonly SegmentOption[];
  readonly customers: readonly SampleCustomer[];
}

export const InspectorDataContext = createContext<InspectorData>({
  catalog: { traits: [], events: [] },
  segments: [],
  customers: [],
});

export const useInspectorData = () => useContext(InspectorDataContext);

/** The id of the datalist of event names every event picker shares. */
export const EVENT_NAMES_LIST = 'journey-event-names';
