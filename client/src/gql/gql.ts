/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CustomerProfile_customer on Customer {\n    id\n    email\n    timeZone\n    createdAt\n    updatedAt\n    traits\n    identities {\n      kind\n      source\n      value\n      createdAt\n    }\n    segments {\n      segmentId\n      enteredAt\n    }\n    scores {\n      model\n      value\n      at\n    }\n    orders {\n      orderId\n      amount\n      currency\n      occurredAt\n      items {\n        productId\n        name\n        quantity\n        price\n      }\n    }\n    consent {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    consentHistory {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    merges {\n      mergedId\n      mergedAt\n      reason\n    }\n  }\n": typeof types.CustomerProfile_CustomerFragmentDoc,
    "\n  query CustomerTimelineQuery(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $names: [String!]\n    $from: DateTimeISO\n    $to: DateTimeISO\n  ) {\n    customer(id: $id) {\n      id\n      events(first: $first, after: $after, names: $names, from: $from, to: $to) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...TimelineEvent_event\n          }\n        }\n      }\n    }\n    catalog {\n      events {\n        name\n      }\n    }\n  }\n": typeof types.CustomerTimelineQueryDocument,
    "\n  fragment TimelineEvent_event on Event {\n    id\n    name\n    occurredAt\n    properties\n  }\n": typeof types.TimelineEvent_EventFragmentDoc,
    "\n  query CustomerPageQuery($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerProfile_customer\n    }\n    segments(includeArchived: true) {\n      id\n      name\n    }\n  }\n": typeof types.CustomerPageQueryDocument,
    "\n  query CustomersPageQuery($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n    }\n  }\n": typeof types.CustomersPageQueryDocument,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    email\n    traits\n    createdAt\n  }\n": typeof types.CustomerRow_CustomerFragmentDoc,
    "\n  fragment JourneyEditor_problem on JourneyProblem {\n    code\n    severity\n    message\n    path\n    nodeId\n    edgeId\n  }\n": typeof types.JourneyEditor_ProblemFragmentDoc,
    "\n  fragment JourneyEditor_stats on JourneyStats {\n    entered\n    active\n    converted\n    conversionRate\n    nodes {\n      nodeId\n      entered\n      waiting\n      converted\n    }\n  }\n": typeof types.JourneyEditor_StatsFragmentDoc,
    "\n  query JourneysPageQuery($search: String, $status: String) {\n    journeys(search: $search, status: $status) {\n      id\n      name\n      status\n      liveVersion\n      updatedAt\n      stats {\n        entered\n        conversionRate\n      }\n    }\n  }\n": typeof types.JourneysPageQueryDocument,
    "\n  mutation CreateJourneyMutation($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      ok\n      journey {\n        id\n      }\n    }\n  }\n": typeof types.CreateJourneyMutationDocument,
    "\n  query JourneyEditorQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      draft\n      draftRevision\n      liveVersion\n      updatedAt\n      versions {\n        version\n        changes\n        graph\n        publishedAt\n      }\n    }\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    customers(first: 20) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n": typeof types.JourneyEditorQueryDocument,
    "\n  query JourneyStatsQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      liveVersion\n      stats {\n        ...JourneyEditor_stats\n      }\n    }\n  }\n": typeof types.JourneyStatsQueryDocument,
    "\n  mutation SaveJourneyDraftMutation($id: ID!, $input: SaveJourneyDraftInput!) {\n    saveJourneyDraft(id: $id, input: $input) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        draftRevision\n        updatedAt\n      }\n    }\n  }\n": typeof types.SaveJourneyDraftMutationDocument,
    "\n  mutation PublishJourneyMutation($id: ID!) {\n    publishJourney(id: $id) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        status\n        liveVersion\n        versions {\n          version\n          changes\n          graph\n          publishedAt\n        }\n      }\n    }\n  }\n": typeof types.PublishJourneyMutationDocument,
    "\n  query SimulateJourneyQuery($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      entered\n      enteredAt\n      nodeId\n      status\n      convertedAt\n      problems {\n        ...JourneyEditor_problem\n      }\n      steps {\n        at\n        type\n        nodeId\n        handle\n        reason\n        wakeAt\n        explanation\n      }\n      sends {\n        nodeId\n        channel\n        at\n        decision\n        reason\n        subject\n        body\n        missingVariables\n      }\n    }\n  }\n": typeof types.SimulateJourneyQueryDocument,
    "\n  query JourneyDraftQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      draft\n      draftRevision\n    }\n  }\n": typeof types.JourneyDraftQueryDocument,
    "\n  query BacktestJourneyQuery($input: BacktestJourneyInput!) {\n    backtestJourney(input: $input) {\n      from\n      to\n      eligibleCustomers\n      sampledCustomers\n      enteredCustomers\n      problems {\n        ...JourneyEditor_problem\n      }\n      stats {\n        ...JourneyEditor_stats\n      }\n      sends {\n        nodeId\n        channel\n        sent\n        deferred\n        skippedNoConsent\n        skippedFrequencyCap\n      }\n    }\n  }\n": typeof types.BacktestJourneyQueryDocument,
    "\n  query PlaygroundIdsQuery {\n    customers(first: 1) {\n      edges {\n        node {\n          id\n          email\n        }\n      }\n    }\n    segments {\n      id\n    }\n  }\n": typeof types.PlaygroundIdsQueryDocument,
    "\n  query SegmentBuilderQuery($id: ID!, $withSegment: Boolean!) {\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    segment(id: $id) @include(if: $withSegment) {\n      id\n      name\n      description\n      rule\n      version\n      size\n      archivedAt\n      updatedAt\n    }\n  }\n": typeof types.SegmentBuilderQueryDocument,
    "\n  fragment SegmentEditor_payload on SegmentPayload {\n    segment {\n      id\n      name\n      version\n      size\n    }\n    problems {\n      ...RuleProblem_problem\n    }\n    warnings {\n      ...RuleProblem_problem\n    }\n  }\n": typeof types.SegmentEditor_PayloadFragmentDoc,
    "\n  mutation CreateSegmentMutation($input: SegmentInput!) {\n    createSegment(input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n": typeof types.CreateSegmentMutationDocument,
    "\n  mutation UpdateSegmentMutation($id: ID!, $input: SegmentInput!) {\n    updateSegment(id: $id, input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n": typeof types.UpdateSegmentMutationDocument,
    "\n  mutation ArchiveSegmentMutation($id: ID!) {\n    archiveSegment(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.ArchiveSegmentMutationDocument,
    "\n  query SegmentsPageQuery {\n    segments(includeArchived: true) {\n      id\n      name\n      description\n      size\n      version\n      updatedAt\n      archivedAt\n    }\n  }\n": typeof types.SegmentsPageQueryDocument,
    "\n  query CrossTabQuery($id: ID!, $path: String!) {\n    segment(id: $id) {\n      id\n      crossTab(path: $path) {\n        path\n        mode\n        members\n        customers\n        buckets {\n          kind\n          label\n          members\n          customers\n          shareOfSegment\n          shareOfCustomers\n          penetration\n          index\n        }\n      }\n    }\n  }\n": typeof types.CrossTabQueryDocument,
    "\n  query ExplainPickQuery($search: String) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n": typeof types.ExplainPickQueryDocument,
    "\n  query ExplainSegmentQuery($customerId: ID!, $segmentId: ID!) {\n    explainSegment(customerId: $customerId, segmentId: $segmentId) {\n      member\n      result\n      explanation\n    }\n  }\n": typeof types.ExplainSegmentQueryDocument,
    "\n  query SizeHistoryQuery($id: ID!, $from: String!, $to: String!) {\n    segment(id: $id) {\n      id\n      sizeHistory(from: $from, to: $to) {\n        day\n        size\n        entered\n        exited\n      }\n    }\n  }\n": typeof types.SizeHistoryQueryDocument,
    "\n  query SegmentValueQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      value {\n        members\n        currencies {\n          currency\n          revenue\n          orders\n          buyers\n          averageOrderValue\n          averageRevenuePerMember\n          averageClv\n        }\n      }\n    }\n  }\n": typeof types.SegmentValueQueryDocument,
    "\n  query SegmentVersionsQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        version\n        name\n        createdAt\n        rule\n      }\n    }\n  }\n": typeof types.SegmentVersionsQueryDocument,
    "\n  fragment RuleProblem_problem on RuleProblem {\n    code\n    message\n    path\n    nodeId\n  }\n": typeof types.RuleProblem_ProblemFragmentDoc,
    "\n  query SegmentPreviewQuery($rule: JSONObject!, $sampleSize: Int!) {\n    segmentPreview(rule: $rule, sampleSize: $sampleSize) {\n      count\n      problems {\n        ...RuleProblem_problem\n      }\n      warnings {\n        ...RuleProblem_problem\n      }\n      sample {\n        id\n        email\n        traits\n      }\n    }\n  }\n": typeof types.SegmentPreviewQueryDocument,
    "\n  query WorkspaceNameQuery {\n    workspace {\n      id\n      name\n    }\n  }\n": typeof types.WorkspaceNameQueryDocument,
};
const documents: Documents = {
    "\n  fragment CustomerProfile_customer on Customer {\n    id\n    email\n    timeZone\n    createdAt\n    updatedAt\n    traits\n    identities {\n      kind\n      source\n      value\n      createdAt\n    }\n    segments {\n      segmentId\n      enteredAt\n    }\n    scores {\n      model\n      value\n      at\n    }\n    orders {\n      orderId\n      amount\n      currency\n      occurredAt\n      items {\n        productId\n        name\n        quantity\n        price\n      }\n    }\n    consent {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    consentHistory {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    merges {\n      mergedId\n      mergedAt\n      reason\n    }\n  }\n": types.CustomerProfile_CustomerFragmentDoc,
    "\n  query CustomerTimelineQuery(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $names: [String!]\n    $from: DateTimeISO\n    $to: DateTimeISO\n  ) {\n    customer(id: $id) {\n      id\n      events(first: $first, after: $after, names: $names, from: $from, to: $to) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...TimelineEvent_event\n          }\n        }\n      }\n    }\n    catalog {\n      events {\n        name\n      }\n    }\n  }\n": types.CustomerTimelineQueryDocument,
    "\n  fragment TimelineEvent_event on Event {\n    id\n    name\n    occurredAt\n    properties\n  }\n": types.TimelineEvent_EventFragmentDoc,
    "\n  query CustomerPageQuery($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerProfile_customer\n    }\n    segments(includeArchived: true) {\n      id\n      name\n    }\n  }\n": types.CustomerPageQueryDocument,
    "\n  query CustomersPageQuery($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n    }\n  }\n": types.CustomersPageQueryDocument,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    email\n    traits\n    createdAt\n  }\n": types.CustomerRow_CustomerFragmentDoc,
    "\n  fragment JourneyEditor_problem on JourneyProblem {\n    code\n    severity\n    message\n    path\n    nodeId\n    edgeId\n  }\n": types.JourneyEditor_ProblemFragmentDoc,
    "\n  fragment JourneyEditor_stats on JourneyStats {\n    entered\n    active\n    converted\n    conversionRate\n    nodes {\n      nodeId\n      entered\n      waiting\n      converted\n    }\n  }\n": types.JourneyEditor_StatsFragmentDoc,
    "\n  query JourneysPageQuery($search: String, $status: String) {\n    journeys(search: $search, status: $status) {\n      id\n      name\n      status\n      liveVersion\n      updatedAt\n      stats {\n        entered\n        conversionRate\n      }\n    }\n  }\n": types.JourneysPageQueryDocument,
    "\n  mutation CreateJourneyMutation($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      ok\n      journey {\n        id\n      }\n    }\n  }\n": types.CreateJourneyMutationDocument,
    "\n  query JourneyEditorQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      draft\n      draftRevision\n      liveVersion\n      updatedAt\n      versions {\n        version\n        changes\n        graph\n        publishedAt\n      }\n    }\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    customers(first: 20) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n": types.JourneyEditorQueryDocument,
    "\n  query JourneyStatsQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      liveVersion\n      stats {\n        ...JourneyEditor_stats\n      }\n    }\n  }\n": types.JourneyStatsQueryDocument,
    "\n  mutation SaveJourneyDraftMutation($id: ID!, $input: SaveJourneyDraftInput!) {\n    saveJourneyDraft(id: $id, input: $input) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        draftRevision\n        updatedAt\n      }\n    }\n  }\n": types.SaveJourneyDraftMutationDocument,
    "\n  mutation PublishJourneyMutation($id: ID!) {\n    publishJourney(id: $id) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        status\n        liveVersion\n        versions {\n          version\n          changes\n          graph\n          publishedAt\n        }\n      }\n    }\n  }\n": types.PublishJourneyMutationDocument,
    "\n  query SimulateJourneyQuery($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      entered\n      enteredAt\n      nodeId\n      status\n      convertedAt\n      problems {\n        ...JourneyEditor_problem\n      }\n      steps {\n        at\n        type\n        nodeId\n        handle\n        reason\n        wakeAt\n        explanation\n      }\n      sends {\n        nodeId\n        channel\n        at\n        decision\n        reason\n        subject\n        body\n        missingVariables\n      }\n    }\n  }\n": types.SimulateJourneyQueryDocument,
    "\n  query JourneyDraftQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      draft\n      draftRevision\n    }\n  }\n": types.JourneyDraftQueryDocument,
    "\n  query BacktestJourneyQuery($input: BacktestJourneyInput!) {\n    backtestJourney(input: $input) {\n      from\n      to\n      eligibleCustomers\n      sampledCustomers\n      enteredCustomers\n      problems {\n        ...JourneyEditor_problem\n      }\n      stats {\n        ...JourneyEditor_stats\n      }\n      sends {\n        nodeId\n        channel\n        sent\n        deferred\n        skippedNoConsent\n        skippedFrequencyCap\n      }\n    }\n  }\n": types.BacktestJourneyQueryDocument,
    "\n  query PlaygroundIdsQuery {\n    customers(first: 1) {\n      edges {\n        node {\n          id\n          email\n        }\n      }\n    }\n    segments {\n      id\n    }\n  }\n": types.PlaygroundIdsQueryDocument,
    "\n  query SegmentBuilderQuery($id: ID!, $withSegment: Boolean!) {\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    segment(id: $id) @include(if: $withSegment) {\n      id\n      name\n      description\n      rule\n      version\n      size\n      archivedAt\n      updatedAt\n    }\n  }\n": types.SegmentBuilderQueryDocument,
    "\n  fragment SegmentEditor_payload on SegmentPayload {\n    segment {\n      id\n      name\n      version\n      size\n    }\n    problems {\n      ...RuleProblem_problem\n    }\n    warnings {\n      ...RuleProblem_problem\n    }\n  }\n": types.SegmentEditor_PayloadFragmentDoc,
    "\n  mutation CreateSegmentMutation($input: SegmentInput!) {\n    createSegment(input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n": types.CreateSegmentMutationDocument,
    "\n  mutation UpdateSegmentMutation($id: ID!, $input: SegmentInput!) {\n    updateSegment(id: $id, input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n": types.UpdateSegmentMutationDocument,
    "\n  mutation ArchiveSegmentMutation($id: ID!) {\n    archiveSegment(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.ArchiveSegmentMutationDocument,
    "\n  query SegmentsPageQuery {\n    segments(includeArchived: true) {\n      id\n      name\n      description\n      size\n      version\n      updatedAt\n      archivedAt\n    }\n  }\n": types.SegmentsPageQueryDocument,
    "\n  query CrossTabQuery($id: ID!, $path: String!) {\n    segment(id: $id) {\n      id\n      crossTab(path: $path) {\n        path\n        mode\n        members\n        customers\n        buckets {\n          kind\n          label\n          members\n          customers\n          shareOfSegment\n          shareOfCustomers\n          penetration\n          index\n        }\n      }\n    }\n  }\n": types.CrossTabQueryDocument,
    "\n  query ExplainPickQuery($search: String) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n": types.ExplainPickQueryDocument,
    "\n  query ExplainSegmentQuery($customerId: ID!, $segmentId: ID!) {\n    explainSegment(customerId: $customerId, segmentId: $segmentId) {\n      member\n      result\n      explanation\n    }\n  }\n": types.ExplainSegmentQueryDocument,
    "\n  query SizeHistoryQuery($id: ID!, $from: String!, $to: String!) {\n    segment(id: $id) {\n      id\n      sizeHistory(from: $from, to: $to) {\n        day\n        size\n        entered\n        exited\n      }\n    }\n  }\n": types.SizeHistoryQueryDocument,
    "\n  query SegmentValueQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      value {\n        members\n        currencies {\n          currency\n          revenue\n          orders\n          buyers\n          averageOrderValue\n          averageRevenuePerMember\n          averageClv\n        }\n      }\n    }\n  }\n": types.SegmentValueQueryDocument,
    "\n  query SegmentVersionsQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        version\n        name\n        createdAt\n        rule\n      }\n    }\n  }\n": types.SegmentVersionsQueryDocument,
    "\n  fragment RuleProblem_problem on RuleProblem {\n    code\n    message\n    path\n    nodeId\n  }\n": types.RuleProblem_ProblemFragmentDoc,
    "\n  query SegmentPreviewQuery($rule: JSONObject!, $sampleSize: Int!) {\n    segmentPreview(rule: $rule, sampleSize: $sampleSize) {\n      count\n      problems {\n        ...RuleProblem_problem\n      }\n      warnings {\n        ...RuleProblem_problem\n      }\n      sample {\n        id\n        email\n        traits\n      }\n    }\n  }\n": types.SegmentPreviewQueryDocument,
    "\n  query WorkspaceNameQuery {\n    workspace {\n      id\n      name\n    }\n  }\n": types.WorkspaceNameQueryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerProfile_customer on Customer {\n    id\n    email\n    timeZone\n    createdAt\n    updatedAt\n    traits\n    identities {\n      kind\n      source\n      value\n      createdAt\n    }\n    segments {\n      segmentId\n      enteredAt\n    }\n    scores {\n      model\n      value\n      at\n    }\n    orders {\n      orderId\n      amount\n      currency\n      occurredAt\n      items {\n        productId\n        name\n        quantity\n        price\n      }\n    }\n    consent {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    consentHistory {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    merges {\n      mergedId\n      mergedAt\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerProfile_customer on Customer {\n    id\n    email\n    timeZone\n    createdAt\n    updatedAt\n    traits\n    identities {\n      kind\n      source\n      value\n      createdAt\n    }\n    segments {\n      segmentId\n      enteredAt\n    }\n    scores {\n      model\n      value\n      at\n    }\n    orders {\n      orderId\n      amount\n      currency\n      occurredAt\n      items {\n        productId\n        name\n        quantity\n        price\n      }\n    }\n    consent {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    consentHistory {\n      channel\n      granted\n      source\n      recordedAt\n    }\n    merges {\n      mergedId\n      mergedAt\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerTimelineQuery(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $names: [String!]\n    $from: DateTimeISO\n    $to: DateTimeISO\n  ) {\n    customer(id: $id) {\n      id\n      events(first: $first, after: $after, names: $names, from: $from, to: $to) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...TimelineEvent_event\n          }\n        }\n      }\n    }\n    catalog {\n      events {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerTimelineQuery(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $names: [String!]\n    $from: DateTimeISO\n    $to: DateTimeISO\n  ) {\n    customer(id: $id) {\n      id\n      events(first: $first, after: $after, names: $names, from: $from, to: $to) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...TimelineEvent_event\n          }\n        }\n      }\n    }\n    catalog {\n      events {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEvent_event on Event {\n    id\n    name\n    occurredAt\n    properties\n  }\n"): (typeof documents)["\n  fragment TimelineEvent_event on Event {\n    id\n    name\n    occurredAt\n    properties\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPageQuery($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerProfile_customer\n    }\n    segments(includeArchived: true) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CustomerPageQuery($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerProfile_customer\n    }\n    segments(includeArchived: true) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersPageQuery($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomersPageQuery($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerRow_customer on Customer {\n    id\n    email\n    traits\n    createdAt\n  }\n"): (typeof documents)["\n  fragment CustomerRow_customer on Customer {\n    id\n    email\n    traits\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JourneyEditor_problem on JourneyProblem {\n    code\n    severity\n    message\n    path\n    nodeId\n    edgeId\n  }\n"): (typeof documents)["\n  fragment JourneyEditor_problem on JourneyProblem {\n    code\n    severity\n    message\n    path\n    nodeId\n    edgeId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JourneyEditor_stats on JourneyStats {\n    entered\n    active\n    converted\n    conversionRate\n    nodes {\n      nodeId\n      entered\n      waiting\n      converted\n    }\n  }\n"): (typeof documents)["\n  fragment JourneyEditor_stats on JourneyStats {\n    entered\n    active\n    converted\n    conversionRate\n    nodes {\n      nodeId\n      entered\n      waiting\n      converted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneysPageQuery($search: String, $status: String) {\n    journeys(search: $search, status: $status) {\n      id\n      name\n      status\n      liveVersion\n      updatedAt\n      stats {\n        entered\n        conversionRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneysPageQuery($search: String, $status: String) {\n    journeys(search: $search, status: $status) {\n      id\n      name\n      status\n      liveVersion\n      updatedAt\n      stats {\n        entered\n        conversionRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateJourneyMutation($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      ok\n      journey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateJourneyMutation($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      ok\n      journey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyEditorQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      draft\n      draftRevision\n      liveVersion\n      updatedAt\n      versions {\n        version\n        changes\n        graph\n        publishedAt\n      }\n    }\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    customers(first: 20) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyEditorQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      draft\n      draftRevision\n      liveVersion\n      updatedAt\n      versions {\n        version\n        changes\n        graph\n        publishedAt\n      }\n    }\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    customers(first: 20) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyStatsQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      liveVersion\n      stats {\n        ...JourneyEditor_stats\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyStatsQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      liveVersion\n      stats {\n        ...JourneyEditor_stats\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveJourneyDraftMutation($id: ID!, $input: SaveJourneyDraftInput!) {\n    saveJourneyDraft(id: $id, input: $input) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        draftRevision\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveJourneyDraftMutation($id: ID!, $input: SaveJourneyDraftInput!) {\n    saveJourneyDraft(id: $id, input: $input) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        draftRevision\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishJourneyMutation($id: ID!) {\n    publishJourney(id: $id) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        status\n        liveVersion\n        versions {\n          version\n          changes\n          graph\n          publishedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishJourneyMutation($id: ID!) {\n    publishJourney(id: $id) {\n      ok\n      problems {\n        ...JourneyEditor_problem\n      }\n      journey {\n        id\n        status\n        liveVersion\n        versions {\n          version\n          changes\n          graph\n          publishedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulateJourneyQuery($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      entered\n      enteredAt\n      nodeId\n      status\n      convertedAt\n      problems {\n        ...JourneyEditor_problem\n      }\n      steps {\n        at\n        type\n        nodeId\n        handle\n        reason\n        wakeAt\n        explanation\n      }\n      sends {\n        nodeId\n        channel\n        at\n        decision\n        reason\n        subject\n        body\n        missingVariables\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimulateJourneyQuery($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      entered\n      enteredAt\n      nodeId\n      status\n      convertedAt\n      problems {\n        ...JourneyEditor_problem\n      }\n      steps {\n        at\n        type\n        nodeId\n        handle\n        reason\n        wakeAt\n        explanation\n      }\n      sends {\n        nodeId\n        channel\n        at\n        decision\n        reason\n        subject\n        body\n        missingVariables\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyDraftQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      draft\n      draftRevision\n    }\n  }\n"): (typeof documents)["\n  query JourneyDraftQuery($id: ID!) {\n    journey(id: $id) {\n      id\n      draft\n      draftRevision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BacktestJourneyQuery($input: BacktestJourneyInput!) {\n    backtestJourney(input: $input) {\n      from\n      to\n      eligibleCustomers\n      sampledCustomers\n      enteredCustomers\n      problems {\n        ...JourneyEditor_problem\n      }\n      stats {\n        ...JourneyEditor_stats\n      }\n      sends {\n        nodeId\n        channel\n        sent\n        deferred\n        skippedNoConsent\n        skippedFrequencyCap\n      }\n    }\n  }\n"): (typeof documents)["\n  query BacktestJourneyQuery($input: BacktestJourneyInput!) {\n    backtestJourney(input: $input) {\n      from\n      to\n      eligibleCustomers\n      sampledCustomers\n      enteredCustomers\n      problems {\n        ...JourneyEditor_problem\n      }\n      stats {\n        ...JourneyEditor_stats\n      }\n      sends {\n        nodeId\n        channel\n        sent\n        deferred\n        skippedNoConsent\n        skippedFrequencyCap\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaygroundIdsQuery {\n    customers(first: 1) {\n      edges {\n        node {\n          id\n          email\n        }\n      }\n    }\n    segments {\n      id\n    }\n  }\n"): (typeof documents)["\n  query PlaygroundIdsQuery {\n    customers(first: 1) {\n      edges {\n        node {\n          id\n          email\n        }\n      }\n    }\n    segments {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentBuilderQuery($id: ID!, $withSegment: Boolean!) {\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    segment(id: $id) @include(if: $withSegment) {\n      id\n      name\n      description\n      rule\n      version\n      size\n      archivedAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query SegmentBuilderQuery($id: ID!, $withSegment: Boolean!) {\n    catalog {\n      traits {\n        path\n        type\n        count\n        examples\n      }\n      events {\n        name\n        properties {\n          path\n          type\n          count\n          examples\n        }\n      }\n    }\n    segments {\n      id\n      name\n      rule\n    }\n    segment(id: $id) @include(if: $withSegment) {\n      id\n      name\n      description\n      rule\n      version\n      size\n      archivedAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SegmentEditor_payload on SegmentPayload {\n    segment {\n      id\n      name\n      version\n      size\n    }\n    problems {\n      ...RuleProblem_problem\n    }\n    warnings {\n      ...RuleProblem_problem\n    }\n  }\n"): (typeof documents)["\n  fragment SegmentEditor_payload on SegmentPayload {\n    segment {\n      id\n      name\n      version\n      size\n    }\n    problems {\n      ...RuleProblem_problem\n    }\n    warnings {\n      ...RuleProblem_problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSegmentMutation($input: SegmentInput!) {\n    createSegment(input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSegmentMutation($input: SegmentInput!) {\n    createSegment(input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSegmentMutation($id: ID!, $input: SegmentInput!) {\n    updateSegment(id: $id, input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSegmentMutation($id: ID!, $input: SegmentInput!) {\n    updateSegment(id: $id, input: $input) {\n      ...SegmentEditor_payload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveSegmentMutation($id: ID!) {\n    archiveSegment(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveSegmentMutation($id: ID!) {\n    archiveSegment(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentsPageQuery {\n    segments(includeArchived: true) {\n      id\n      name\n      description\n      size\n      version\n      updatedAt\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  query SegmentsPageQuery {\n    segments(includeArchived: true) {\n      id\n      name\n      description\n      size\n      version\n      updatedAt\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrossTabQuery($id: ID!, $path: String!) {\n    segment(id: $id) {\n      id\n      crossTab(path: $path) {\n        path\n        mode\n        members\n        customers\n        buckets {\n          kind\n          label\n          members\n          customers\n          shareOfSegment\n          shareOfCustomers\n          penetration\n          index\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CrossTabQuery($id: ID!, $path: String!) {\n    segment(id: $id) {\n      id\n      crossTab(path: $path) {\n        path\n        mode\n        members\n        customers\n        buckets {\n          kind\n          label\n          members\n          customers\n          shareOfSegment\n          shareOfCustomers\n          penetration\n          index\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainPickQuery($search: String) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExplainPickQuery($search: String) {\n    customers(first: 8, search: $search) {\n      edges {\n        node {\n          id\n          email\n          traits\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainSegmentQuery($customerId: ID!, $segmentId: ID!) {\n    explainSegment(customerId: $customerId, segmentId: $segmentId) {\n      member\n      result\n      explanation\n    }\n  }\n"): (typeof documents)["\n  query ExplainSegmentQuery($customerId: ID!, $segmentId: ID!) {\n    explainSegment(customerId: $customerId, segmentId: $segmentId) {\n      member\n      result\n      explanation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SizeHistoryQuery($id: ID!, $from: String!, $to: String!) {\n    segment(id: $id) {\n      id\n      sizeHistory(from: $from, to: $to) {\n        day\n        size\n        entered\n        exited\n      }\n    }\n  }\n"): (typeof documents)["\n  query SizeHistoryQuery($id: ID!, $from: String!, $to: String!) {\n    segment(id: $id) {\n      id\n      sizeHistory(from: $from, to: $to) {\n        day\n        size\n        entered\n        exited\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentValueQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      value {\n        members\n        currencies {\n          currency\n          revenue\n          orders\n          buyers\n          averageOrderValue\n          averageRevenuePerMember\n          averageClv\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentValueQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      value {\n        members\n        currencies {\n          currency\n          revenue\n          orders\n          buyers\n          averageOrderValue\n          averageRevenuePerMember\n          averageClv\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentVersionsQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        version\n        name\n        createdAt\n        rule\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentVersionsQuery($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        version\n        name\n        createdAt\n        rule\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RuleProblem_problem on RuleProblem {\n    code\n    message\n    path\n    nodeId\n  }\n"): (typeof documents)["\n  fragment RuleProblem_problem on RuleProblem {\n    code\n    message\n    path\n    nodeId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentPreviewQuery($rule: JSONObject!, $sampleSize: Int!) {\n    segmentPreview(rule: $rule, sampleSize: $sampleSize) {\n      count\n      problems {\n        ...RuleProblem_problem\n      }\n      warnings {\n        ...RuleProblem_problem\n      }\n      sample {\n        id\n        email\n        traits\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentPreviewQuery($rule: JSONObject!, $sampleSize: Int!) {\n    segmentPreview(rule: $rule, sampleSize: $sampleSize) {\n      count\n      problems {\n        ...RuleProblem_problem\n      }\n      warnings {\n        ...RuleProblem_problem\n      }\n      sample {\n        id\n        email\n        traits\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceNameQuery {\n    workspace {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceNameQuery {\n    workspace {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;