// The JSON the backend injects into every demo page as <script id="demo-config" type="application/json">.
// Shared by the backend (Node) and the app (browser), so it holds types and constants only.

export const DEMO_PROJECT_KEY = 'demo-project-key';
export const CONFIG_ELEMENT_ID = 'demo-config';
/** The ingest stand-in answers 403 (capture rate miss) to a start with this project key: a sampled-out session. */
export const SAMPLED_OUT_PROJECT_KEY = 'sampled-out-project-key';

export type StorageFormat = 'bare' | 'amp' | 'dollar';

export interface StoragePreset {
  format: StorageFormat;
  /** Value for sessionStorage `__openreplay_token`, already in the chosen historical format. */
  token: string;
  /** Value for sessionStorage `__openreplay_token_version`. */
  version: string;
}

export interface DemoPageConfig {
  ingestUrl: string;
  strictOrigin: string;
  openOrigin: string;
  projectKey: string;
  /** Only on /storage-only.html. */
  storage?: StoragePreset;
}
