import { graphql } from '../gql';

/*
 * Every operation the plugin sends. `npm run codegen` checks each against ../schema/*.graphqls and types its
 * variables and answer, so a schema change that breaks one fails the build.
 */

export const PipelineRowFragment = graphql(`
  fragment PipelineRow on Pipeline {
    id
    uuid
    buildNumber
    status
    isTerminal
    createdOn
    completedOn
    durationSeconds
    webUrl
    target {
      kind
      branch
      refName
      pullRequestIds
      commit {
        hash
        shortHash
        message
      }
      selector {
        type
        pattern
      }
    }
    trigger {
      kind
      name
    }
    creator {
      displayName
      nickname
    }
  }
`);

export const RepositoryPipelinesQuery = graphql(`
  query RepositoryPipelines(
    $workspace: String!
    $repository: String!
    $first: Int!
    $after: String
    $branch: String
    $statuses: [PipelineStatus!]
  ) {
    repository(workspace: $workspace, slug: $repository) {
      id
      fullName
      mainBranch
      webUrl
      viewerCanRunPipelines
      pipelines(first: $first, after: $after, branch: $branch, statuses: $statuses) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...PipelineRow
        }
      }
    }
  }
`);

export const PipelineStatusChangedSubscription = graphql(`
  subscription PipelineStatusChanged($workspace: String!, $repository: String!) {
    pipelineStatusChanged(workspace: $workspace, repository: $repository) {
      status
      previousStatus
      pipeline {
        ...PipelineRow
      }
    }
  }
`);

export const PipelineDetailsQuery = graphql(`
  query PipelineDetails($workspace: String!, $repository: String!, $buildNumber: Int!) {
    pipeline(workspace: $workspace, repository: $repository, buildNumber: $buildNumber) {
      ...PipelineRow
      steps {
        id
        name
        status
        isTerminal
        startedOn
        durationSeconds
        testReport {
          total
          successful
          failed
          errored
          skipped
        }
        testCases(first: 50, statuses: [FAILED, ERROR]) {
          totalCount
          nodes {
            id
            name
            fullyQualifiedName
            status
            durationSeconds
            reasons {
              message
              stackTrace
            }
          }
        }
      }
    }
  }
`);

export const StepStatusChangedSubscription = graphql(`
  subscription StepStatusChanged($pipeline: ID!) {
    stepStatusChanged(pipeline: { id: $pipeline }) {
      status
      step {
        id
      }
    }
  }
`);

export const StepLogAppendedSubscription = graphql(`
  subscription StepLogAppended($step: ID!, $fromOffset: Int!) {
    stepLogAppended(step: { id: $step }, fromOffset: $fromOffset) {
      offset
      endOffset
      text
      gap
      droppedBytes
      complete
    }
  }
`);

export const StepLogQuery = graphql(`
  query StepLog($step: ID!, $offset: Int!) {
    node(id: $step) {
      __typename
      ... on Step {
        id
        isTerminal
        log {
          range(offset: $offset) {
            endOffset
            text
          }
        }
      }
    }
  }
`);

export const RunPipelineMutation = graphql(`
  mutation RunPipeline($input: RunPipelineInput!) {
    runPipeline(input: $input) {
      pipeline {
        ...PipelineRow
      }
      userErrors {
        field
        message
      }
    }
  }
`);

export const StopPipelineMutation = graphql(`
  mutation StopPipeline($id: ID!) {
    stopPipeline(input: { id: $id }) {
      pipeline {
        ...PipelineRow
      }
      userErrors {
        field
        message
      }
    }
  }
`);

export const InsightsQuery = graphql(`
  query Insights($repositories: [String!]!) {
    insights(filter: { repositories: $repositories }) {
      window {
        from
        to
      }
      pipelinesCovered
      capped
      completed
      successful
      successRate
      duration {
        p50
        p90
      }
      failingSteps(first: 5) {
        name
        failures
        runs
      }
      flakyTests {
        name
        repository
        failures
        passes
      }
    }
  }
`);
