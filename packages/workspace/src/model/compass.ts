export const COMPONENT_TYPES = ['SERVICE', 'LIBRARY', 'APPLICATION', 'OTHER'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/**
 * Stored under kind `compass.component`, id = slug. The catalogue is open to every member of
 * the org: it lists what exists and who owns it, nothing more.
 */
export interface ComponentRecord {
  id: string;
  name: string;
  type: ComponentType;
  ownerTeam: string;
  description: string;
  labels: string[];
  createdAt: number;
}
