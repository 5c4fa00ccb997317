import type { IncomingMessage, ServerResponse } from 'node:http';

export function openReplayContext<T>(req: IncomingMessage, res: ServerResponse, next: () => T): T;
export function openReplayTag(): string;
