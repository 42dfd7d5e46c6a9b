import type { OrgSettingsReader } from '@gatehouse/org-settings';
import type { Store } from '@gatehouse/store';
import type Provider from 'oidc-provider';
import type { AsConfig } from '../env.js';
import type { CredentialDeps } from '../sign-in/check-credentials.js';

/** What the login and consent steps need, passed down once from `createApp`. */
export interface InteractionDeps extends Omit<CredentialDeps, 'store'> {
  config: AsConfig;
  provider: Provider;
  store: Store;
  settings: OrgSettingsReader;
  /** Key for the forms' CSRF tokens. */
  csrfKey: string;
}
