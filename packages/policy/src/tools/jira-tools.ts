/** Jira tools: projects, issues, comments, workflow transitions and user lookup. */
import {
  ADDS_CONTENT,
  CHANGES_STATE,
  defineToolSet,
  OVERWRITES_CONTENT,
  READ_ONLY,
} from './tool-definition.js';

/** Jira tools; any credential may use them. */
export const JIRA_TOOLS = defineToolSet(
  'jira',
  ['oauth', 'api_token'],
  [
    {
      name: 'getVisibleJiraProjects',
      title: 'List Jira projects',
      description:
        'Lists the Jira projects the user can see (key, name, type), optionally only those ' +
        'where the user may create issues.',
      group: 'read',
      requiredScopes: ['read:jira-work'],
      annotations: READ_ONLY,
    },
    {
      name: 'getJiraIssue',
      title: 'Get Jira issue',
      description:
        'Gets one Jira issue by key or id: summary, description, status, assignee, comments ' +
        'and other fields.',
      group: 'read',
      requiredScopes: ['read:jira-work'],
      annotations: READ_ONLY,
    },
    {
      name: 'searchJiraIssuesUsingJql',
      title: 'Search Jira issues with JQL',
      description:
        'Searches Jira issues with a JQL query (for example `project = ABC AND status = ' +
        '"In Progress"`) and returns the matching issues one page at a time.',
      group: 'search',
      requiredScopes: ['search:jira'],
      annotations: READ_ONLY,
    },
    {
      name: 'createJiraIssue',
      title: 'Create Jira issue',
      description:
        'Creates a Jira issue in a project with an issue type, a summary and optionally a ' +
        'description, assignee and other fields. Every call creates a new issue.',
      group: 'write',
      requiredScopes: ['write:jira-work'],
      annotations: ADDS_CONTENT,
    },
    {
      name: 'editJiraIssue',
      title: 'Edit Jira issue',
      description:
        'Changes fields of an existing Jira issue (summary, description, assignee, labels, ...). ' +
        'The values given replace the current ones.',
      group: 'write',
      requiredScopes: ['write:jira-work'],
      annotations: OVERWRITES_CONTENT,
    },
    {
      name: 'addCommentToJiraIssue',
      title: 'Comment on Jira issue',
      description: 'Adds a comment to a Jira issue. Every call adds another comment.',
      group: 'write',
      requiredScopes: ['write:jira-work'],
      annotations: ADDS_CONTENT,
    },
    {
      name: 'getTransitionsForJiraIssue',
      title: 'List Jira issue transitions',
      description:
        'Lists the workflow transitions a Jira issue can take from its current status, with ' +
        'the transition ids that transitionJiraIssue needs.',
      group: 'read',
      requiredScopes: ['read:jira-work'],
      annotations: READ_ONLY,
    },
    {
      name: 'transitionJiraIssue',
      title: 'Transition Jira issue',
      description:
        'Moves a Jira issue to another status with a transition id from ' +
        'getTransitionsForJiraIssue. The transition applies from the current status.',
      group: 'write',
      requiredScopes: ['write:jira-work'],
      annotations: CHANGES_STATE,
    },
    {
      name: 'lookupJiraAccountId',
      title: 'Look up Jira users',
      description:
        'Finds Jira users by name or email and returns their account ids, for example to ' +
        'assign an issue or mention someone.',
      group: 'read',
      requiredScopes: ['read:jira-work'],
      annotations: READ_ONLY,
    },
  ],
);
