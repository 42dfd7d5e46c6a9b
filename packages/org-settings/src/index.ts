// Every export here is public API of @gatehouse/org-settings; named exports only.
export {
  createOrgSettingsReader,
  type OrgSettingsReader,
  type SettingsLogger,
} from './org-settings-reader.js';
export { type WriteOrgSettingsResult, writeOrgSettings } from './write-org-settings.js';
