/** The one site the workspace serves (what `getAccessibleAtlassianResources` lists). */
export interface Site {
  /** Stable id, shaped like a cloud id. */
  id: string;
  name: string;
  /** Base URL for links to items; no trailing slash. */
  url: string;
}

/** The demo site. */
export const DEMO_SITE: Site = {
  id: '4f0b6a52-2c1e-4c7e-9a3d-6d0c5e8b1a27',
  name: 'Gatehouse Demo',
  url: 'https://demo.gatehouse.example',
};
