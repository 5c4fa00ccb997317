import type { SortColumn } from '../../../core/audit/sort.ts';

export interface Column {
  id: SortColumn;
  label: string;
  /** What the header button says to screen readers. */
  title: string;
}

/** The request table's columns, in order (their widths live in requests.css: `.req-row > .c-<id>`). */
export const COLUMNS: readonly Column[] = [
  { id: 'method', label: 'Method', title: 'HTTP method' },
  { id: 'path', label: 'Path', title: 'Path and query' },
  { id: 'origin', label: 'Origin', title: 'Scheme, host and port' },
  { id: 'status', label: 'Status', title: 'HTTP status (0: no response)' },
  { id: 'type', label: 'Type', title: 'Request type' },
  { id: 'verdict', label: 'Verdict', title: 'Token propagation verdict' },
  { id: 'time', label: 'Time', title: 'Start time (local)' },
];

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;
