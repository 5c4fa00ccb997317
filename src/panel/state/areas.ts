export type Area = 'session' | 'requests' | 'backend' | 'timeline' | 'settings';

export const AREAS: ReadonlyArray<{ id: Area; label: string }> = [
  { id: 'session', label: 'Session' },
  { id: 'requests', label: 'Requests' },
  { id: 'backend', label: 'Backend errors' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'settings', label: 'Settings' },
];
