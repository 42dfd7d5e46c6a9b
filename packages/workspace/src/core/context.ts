import type { RecordStore, UserStore } from '@gatehouse/store';
import type { Site } from './site.js';

/** The storage the workspace runs on: any `RecordStore` and `UserStore` backend. */
export interface WorkspaceDeps {
  records: RecordStore;
  users: UserStore;
}

export interface WorkspaceOptions {
  /** Org whose users the workspace knows. Default `demo`. */
  orgId?: string;
  /** The site served. Default `DEMO_SITE`. */
  site?: Site;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
}

/** What every operation receives: storage plus resolved options. */
export interface WorkspaceContext extends WorkspaceDeps {
  orgId: string;
  site: Site;
  now: () => number;
}
