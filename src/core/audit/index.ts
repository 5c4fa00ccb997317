// The propagation audit's public surface (pure: runs in Node and in the panel alike).
export * from './types.ts';
export * from './mask.ts';
export * from './har.ts';
export * from './header-names.ts';
export * from './scope.ts';
export * from './token-format.ts';
export * from './diagnose-cors.ts';
export * from './verdict.ts';
export * from './path-template.ts';
export * from './coverage.ts';
export * from './filter.ts';
export * from './audit-store.ts';
export * from './report.ts';
