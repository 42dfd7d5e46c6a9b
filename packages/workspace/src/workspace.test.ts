import { describe, expect, it } from 'vitest';
import { WorkspaceError } from './core/errors.js';
import { bob, createSeededWorkspace } from './testing/test-fixtures.js';
import { type WorkspaceToolName, workspaceInputSchemas } from './workspace.js';

const TOOL_NAMES = [
  'getVisibleJiraProjects',
  'getJiraIssue',
  'searchJiraIssuesUsingJql',
  'createJiraIssue',
  'editJiraIssue',
  'addCommentToJiraIssue',
  'getTransitionsForJiraIssue',
  'transitionJiraIssue',
  'lookupJiraAccountId',
  'getConfluenceSpaces',
  'getConfluencePage',
  'searchConfluenceUsingCql',
  'createConfluencePage',
  'updateConfluencePage',
  'getPagesInConfluenceSpace',
  'listServiceDeskRequests',
  'getServiceDeskRequest',
  'createServiceDeskRequest',
  'addServiceDeskRequestComment',
  'listBitbucketRepositories',
  'getBitbucketRepository',
  'listBitbucketPullRequests',
  'getBitbucketPullRequest',
  'addBitbucketPullRequestComment',
  'listCompassComponents',
  'getCompassComponent',
  'atlassianUserInfo',
  'getAccessibleAtlassianResources',
  'search',
  'fetch',
].sort();

describe('createWorkspace', () => {
  it('has one method and one input schema per MCP tool, named like the tool', async () => {
    const { workspace } = await createSeededWorkspace();
    expect(Object.keys(workspace).sort()).toEqual(TOOL_NAMES);
    expect(Object.keys(workspaceInputSchemas).sort()).toEqual(TOOL_NAMES);
    expect(Object.isFrozen(workspace)).toBe(true);
  });

  it.each(TOOL_NAMES.filter((name) => name !== 'atlassianUserInfo'))(
    '%s answers invalid_input, never a raw error, for input of the wrong shape',
    async (name) => {
      const { workspace } = await createSeededWorkspace();
      const method = workspace[name as WorkspaceToolName] as (
        a: unknown,
        i: unknown,
      ) => Promise<unknown>;
      const input = { maxResults: 'ten', scopes: 'x', pageId: 7 };
      const error = (await method(bob, input).catch((e: unknown) => e)) as WorkspaceError;
      expect(error).toBeInstanceOf(WorkspaceError);
      expect(error).toMatchObject({ code: 'invalid_input', status: 400, expose: true });
      expect(error.field).toEqual(expect.any(String));
    },
  );
});
