// The session module's public surface (issue 4): find, decode and follow the page's token.
export * from './encoding.ts';
export * from './token.ts';
export * from './session-id.ts';
export * from './session-start.ts';
export * from './session-url.ts';
export * from './manual-input.ts';
export * from './time-left.ts';
export * from './storage-formats.ts';
export * from './sources.ts';
export * from './probe.ts';
export * from './network-tokens.ts';
export * from './session-state.ts';
