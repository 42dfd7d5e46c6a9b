/**
 * Every audit action this product writes, with how the admin console names it. The MCP server
 * writes `tool.call`; everything else comes from the authorization server.
 */
export const AUDIT_ACTIONS: ReadonlyArray<readonly [action: string, label: string]> = [
  ['auth.sign_in', 'Sign-in'],
  ['auth.sign_out', 'Sign-out'],
  ['auth.consent', 'Consent given or denied'],
  ['client.registered', 'App registered'],
  ['client.deleted', 'App deleted'],
  ['client.blocked', 'App blocked'],
  ['client.unblocked', 'App unblocked'],
  ['token.issued', 'Token issued'],
  ['token.refreshed', 'Token refreshed'],
  ['token.revoked', 'Token revoked'],
  ['grant.revoked', 'App access revoked'],
  ['api_token.created', 'API token created'],
  ['api_token.used', 'API token used'],
  ['api_token.revoked', 'API token revoked'],
  ['settings.changed', 'Settings changed'],
  ['tool.call', 'Tool call'],
];
