export { lookupJiraAccountId } from './accounts.js';
export { addCommentToJiraIssue } from './comments.js';
export { getJiraIssue, searchJiraIssuesUsingJql } from './issue-read.js';
export { createJiraIssue, editJiraIssue } from './issue-write.js';
export { getVisibleJiraProjects } from './projects.js';
export { getTransitionsForJiraIssue, transitionJiraIssue } from './transitions.js';
