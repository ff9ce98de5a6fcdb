import { graphql } from '../gql';

/** The operations of the journey pages, in one place so codegen types them together. */
export const JourneyEditorProblem = graphql(`
  fragment JourneyEditor_problem on JourneyProblem {
    code
    severity
    message
    path
    nodeId
    edgeId
  }
`);

export const JourneyEditorStats = graphql(`
  fragment JourneyEditor_stats on JourneyStats {
    entered
    active
    converted
    conversionRate
    nodes {
      nodeId
      entered
      waiting
      converted
    }
  }
`);

export const JourneysPageQuery = graphql(`
  query JourneysPageQuery($search: String, $status: String) {
    journeys(search: $search, status: $status) {
      id
      name
      status
      liveVersion
      updatedAt
      stats {
        entered
        converted
        conversionRate
      }
    }
  }
`);

export const CreateJourneyMutation = graphql(`
  mutation CreateJourneyMutation($input: CreateJourneyInput!) {
    createJourney(input: $input) {
      ok
      journey {
        id
      }
    }
  }
`);

export const JourneyEditorQuery = graphql(`
  query JourneyEditorQuery($id: ID!) {
    journey(id: $id) {
      id
      name
      status
      draft
      draftRevision
      liveVersion
      updatedAt
      versions {
        version
        changes
        graph
        publishedAt
      }
    }
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
    customers(first: 20) {
      edges {
        node {
          id
          email
          traits
        }
      }
    }
  }
`);

export const JourneyStatsQuery = graphql(`
  query JourneyStatsQuery($id: ID!) {
    journey(id: $id) {
      id
      liveVersion
      stats {
        ...JourneyEditor_stats
      }
    }
  }
`);

export const SaveJourneyDraftMutation = graphql(`
  mutation SaveJourneyDraftMutation($id: ID!, $input: SaveJourneyDraftInput!) {
    saveJourneyDraft(id: $id, input: $input) {
      ok
      problems {
        ...JourneyEditor_problem
      }
      journey {
        id
        draftRevision
        updatedAt
      }
    }
  }
`);

export const PublishJourneyMutation = graphql(`
  mutation PublishJourneyMutation($id: ID!) {
    publishJourney(id: $id) {
      ok
      problems {
        ...JourneyEditor_problem
      }
      journey {
        id
        status
        liveVersion
        versions {
          version
          changes
          graph
          publishedAt
        }
      }
    }
  }
`);

export const SimulateJourneyQuery = graphql(`
  query SimulateJourneyQuery($input: SimulateJourneyInput!) {
    simulateJourney(input: $input) {
      entered
      enteredAt
      nodeId
      status
      convertedAt
      problems {
        ...JourneyEditor_problem
      }
      steps {
        at
        type
        nodeId
        handle
        reason
        wakeAt
        explanation
      }
      sends {
        nodeId
        channel
        at
        decision
        reason
        subject
        body
        missingVariables
      }
    }
  }
`);

export const JourneyDraftQuery = graphql(`
  query JourneyDraftQuery($id: ID!) {
    journey(id: $id) {
      id
      draft
      draftRevision
    }
  }
`);

export const BacktestJourneyQuery = graphql(`
  query BacktestJourneyQuery($input: BacktestJourneyInput!) {
    backtestJourney(input: $input) {
      from
      to
      eligibleCustomers
      sampledCustomers
      enteredCustomers
      problems {
        ...JourneyEditor_problem
      }
      stats {
        ...JourneyEditor_stats
      }
      sends {
        nodeId
        channel
        sent
        deferred
        skippedNoConsent
        skippedFrequencyCap
      }
    }
  }
`);
