// Error↔request linking, end-to-end tagging verdicts, the linked report and out-links (pure).
export * from './hint.ts';
export * from './session-match.ts';
export * from './link.ts';
export * from './tagging.ts';
export * from './error-groups.ts';
export * from './out-links.ts';
export * from './report.ts';
