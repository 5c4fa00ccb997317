// Why a search does not start: one typed reason, one wording, for every place that can start one
// (the Backend errors area, the Timeline, the `s` key, auto-refresh) and for the service worker's
// own check of the same thing.

export type SearchRefusalReason =
  /** The SumoLogic settings have not arrived from the service worker yet. */
  | 'settings-loading'
  /** No Access ID/Key saved. */
  | 'no-credentials'
  /** A search is running; a second one would only cancel it. */
  | 'running'
  /** Auto-refresh only: the last search started moments ago. */
  | 'too-soon'
  /** No session, or a value that failed validation (the plan's own message says which and what to do). */
  | 'plan';

export interface SearchRefusal {
  reason: SearchRefusalReason;
  /** For people: what happened and what to do. */
  message: string;
}

export const MIN_REFRESH_SECONDS = 15;

export const REFUSAL_MESSAGES: Readonly<Record<Exclude<SearchRefusalReason, 'plan'>, string>> = {
  'settings-loading': 'Loading the SumoLogic settings…',
  'no-credentials': 'No SumoLogic Access ID/Key saved yet — add them in Settings → SumoLogic.',
  running: 'A search is still running.',
  'too-soon': `The last search started less than ${MIN_REFRESH_SECONDS} s ago.`,
};

export interface RefusalInput {
  settingsLoaded: boolean;
  hasCredentials: boolean;
  running: boolean;
  /** The plan for the session shown: its refusal message when it has none. */
  plan: { ok: true } | { ok: false; reason: string };
  /** Auto-refresh asks; the minimum interval applies to it only. */
  auto?: boolean;
  now?: number;
  lastStartedAt?: number;
}

/** The first reason a search cannot start now, or null when it can. */
export function searchRefusal(input: RefusalInput): SearchRefusal | null {
  const refuse = (reason: Exclude<SearchRefusalReason, 'plan'>): SearchRefusal => ({
    reason,
    message: REFUSAL_MESSAGES[reason],
  });
  if (!input.settingsLoaded) return refuse('settings-loading');
  if (!input.hasCredentials) return refuse('no-credentials');
  if (input.running) return refuse('running');
  if (
    input.auto &&
    input.now !== undefined &&
    input.lastStartedAt !== undefined &&
    input.now - input.lastStartedAt < MIN_REFRESH_SECONDS * 1000
  ) {
    return refuse('too-soon');
  }
  if (!input.plan.ok) return { reason: 'plan', message: input.plan.reason };
  return null;
}
