import type { CommentRecord } from '../model/jira.js';
import type { WorkspaceContext } from './context.js';
import { isoTime, type UserDirectory, type UserRef } from './directory.js';

/** How answers show a comment. */
export interface CommentView {
  id: string;
  author: UserRef;
  body: string;
  /** ISO 8601. */
  created: string;
}

/** Where one product keeps its comments. */
export interface CommentStorage {
  kind: string;
  sequence: string;
}

function byCreation(a: CommentRecord, b: CommentRecord): number {
  return a.createdAt - b.createdAt || Number(a.id) - Number(b.id);
}

/** Every comment of a kind, grouped by parent id, oldest first. */
export async function loadCommentsByParent(
  ctx: WorkspaceContext,
  storage: CommentStorage,
): Promise<Map<string, CommentRecord[]>> {
  const groups = new Map<string, CommentRecord[]>();
  for (const comment of await ctx.records.list<CommentRecord>(storage.kind)) {
    const group = groups.get(comment.parentId) ?? [];
    group.push(comment);
    groups.set(comment.parentId, group);
  }
  for (const group of groups.values()) group.sort(byCreation);
  return groups;
}

/** The comments of one parent, oldest first. */
export async function loadComments(
  ctx: WorkspaceContext,
  storage: CommentStorage,
  parentId: string,
): Promise<CommentRecord[]> {
  return (await loadCommentsByParent(ctx, storage)).get(parentId) ?? [];
}

/** Stores a new comment under a fresh id from the kind's sequence. */
export async function appendComment(
  ctx: WorkspaceContext,
  storage: CommentStorage,
  comment: Omit<CommentRecord, 'id' | 'createdAt'>,
): Promise<CommentRecord> {
  const id = String(await ctx.records.nextSequence(storage.sequence));
  const record: CommentRecord = { ...comment, id, createdAt: ctx.now() };
  await ctx.records.create(storage.kind, id, record);
  return record;
}

/** The answer form of a comment. */
export function commentView(comment: CommentRecord, directory: UserDirectory): CommentView {
  return {
    id: comment.id,
    author: directory.ref(comment.authorId),
    body: comment.body,
    created: isoTime(comment.createdAt),
  };
}
