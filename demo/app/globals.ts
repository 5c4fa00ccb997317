// The page globals a DevTools panel reads; typed loosely on purpose because pages fill them with
// anything (stubs, trackers, hostile objects).
export interface DemoWindow {
  OpenReplay?: unknown;
  __OPENREPLAY__?: unknown;
}

export const demoWindow = window as unknown as DemoWindow;
