export { startSumoServer, type SumoServer } from './server.ts';
export type { SumoServerOptions } from './options.ts';
export type { Credential } from './auth.ts';
export type { SumoStats, LiveJobView, RequestLogEntry } from './context.ts';
export type { FaultSpec, FaultScope, RequestFault, JobFault, CallKind, FaultView } from './faults.ts';
export type { IngestMessage, SourceHeaders, MultilineMode } from './ingest.ts';
export type { JobState, StatusBody } from './jobs.ts';
export type { ApiErrorBody } from './api-errors.ts';
