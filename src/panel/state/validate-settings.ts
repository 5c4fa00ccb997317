import { validateScope, validateTagName } from '../../core/search/query.ts';
import {
  MAX_MESSAGES_RANGE,
  MAX_SESSION_MINUTES_RANGE,
  MAX_TAG_NAMES,
  MAX_WINDOW_MINUTES,
  type SumoSettings,
} from '../../shared/settings.ts';
import { resolveApiBase } from '../../sumo/deployments.ts';

// The checks behind Settings' save-as-you-go: they use the query language (src/core/search) and the
// deployment rules (src/sumo), which src/shared, the bottom layer, may not import.

const httpUrlError = (text: string, what: string): string | undefined => {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:'
      ? undefined
      : `The ${what} must start with https:// (or http://).`;
  } catch {
    return `The ${what} is not a valid address (e.g. https://service.eu.sumologic.com).`;
  }
};

/** Per field, why its value cannot be saved; a field without an entry is fine. */
export function validateSumoSettings(s: SumoSettings): Partial<Record<keyof SumoSettings, string>> {
  const errors: Partial<Record<keyof SumoSettings, string>> = {};
  if (s.deployment === 'custom') {
    const custom = s.customApiBase.trim();
    const resolved = custom ? resolveApiBase({ customApiBase: custom }) : null;
    if (!resolved) errors.customApiBase = 'Enter the custom API base URL, e.g. http://127.0.0.1:8787/api.';
    else if (!resolved.ok) errors.customApiBase = resolved.reason;
  }
  const ui = s.customUiBase.trim();
  const uiError = ui ? httpUrlError(ui, 'custom UI address') : undefined;
  if (uiError) errors.customUiBase = uiError;
  const scopeError = s.scopeQuery.trim() ? validateScope(s.scopeQuery) : undefined;
  if (scopeError) errors.scopeQuery = scopeError;
  const tagError =
    s.tagNames.length === 0
      ? 'Give at least one tag name.'
      : s.tagNames.length > MAX_TAG_NAMES
        ? `At most ${MAX_TAG_NAMES} tag names.`
        : s.tagNames.map((t) => validateTagName(t)).find((e) => e);
  if (tagError) errors.tagNames = tagError;
  if (!Number.isInteger(s.windowMinutes) || s.windowMinutes < 1 || s.windowMinutes > MAX_WINDOW_MINUTES) {
    errors.windowMinutes = `Give a whole number of minutes from 1 to ${MAX_WINDOW_MINUTES}.`;
  }
  const { min, max } = MAX_SESSION_MINUTES_RANGE;
  if (!Number.isInteger(s.maxSessionMinutes) || s.maxSessionMinutes < min || s.maxSessionMinutes > max) {
    errors.maxSessionMinutes = `Give a whole number of minutes from ${min} to ${max} (OpenReplay's default is 120).`;
  }
  if (
    !Number.isInteger(s.maxMessages) ||
    s.maxMessages < MAX_MESSAGES_RANGE.min ||
    s.maxMessages > MAX_MESSAGES_RANGE.max
  ) {
    errors.maxMessages = `Give a whole number of messages from ${MAX_MESSAGES_RANGE.min} to ${MAX_MESSAGES_RANGE.max.toLocaleString('en-US')}.`;
  }
  return errors;
}
