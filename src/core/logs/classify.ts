import { firstParsedLine, parsedLines } from './lines.ts';
import { stripLeadingTags } from './parse.ts';

const ERROR_LEVELS = new Set(['ERROR', 'FATAL', 'CRITICAL', 'SEVERE', 'PANIC', 'ALERT', 'EMERGENCY']);
const LEVEL_ALIASES: Readonly<Record<string, string>> = {
  WARNING: 'WARN',
  ERR: 'ERROR',
  CRIT: 'CRITICAL',
  EMERG: 'EMERGENCY',
  EXCEPTION: 'ERROR',
  DBG: 'DEBUG',
  INF: 'INFO',
  WRN: 'WARN',
  ERRO: 'ERROR',
  FATA: 'FATAL',
  SEVERITY_ERROR: 'ERROR',
};
const KNOWN_LEVELS = new Set(['TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', ...ERROR_LEVELS]);

const KEYED_LEVEL =
  /(?:^|[\s{,"'[])(?:level|lvl|severity|levelname|loglevel|log_level|log\.level)["']?\s*[:=]\s*["']?([A-Za-z]+)/i;
const BARE_LEVEL =
  /(?:^|[^A-Za-z0-9_])(TRACE|DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|PANIC|ALERT|EMERGENCY|EMERG)(?![A-Za-z0-9_])/;
const BRACKET_LEVEL = /\[(trace|debug|info|notice|warn|warning|error|crit|critical|alert|emerg|fatal)\]/i;

export function normalizeLevel(level: string): string | undefined {
  const upper = level.toUpperCase();
  const canonical = LEVEL_ALIASES[upper] ?? upper;
  return KNOWN_LEVELS.has(canonical) ? canonical : undefined;
}

/** The line's level: a configured `_loglevel` field, then `level=`/`"level":` keys, then a bare uppercase level word. */
export function extractLevel(raw: string, fields?: Readonly<Record<string, string>>): string | undefined {
  const configured = fields?.['_loglevel'] ?? fields?.['loglevel'] ?? fields?.['level'];
  if (configured) {
    const level = normalizeLevel(configured.trim());
    if (level) return level;
  }
  const firstLine = stripLeadingTags(firstParsedLine(raw)).slice(0, 400);
  const keyed = KEYED_LEVEL.exec(firstLine)?.[1];
  if (keyed) {
    const level = normalizeLevel(keyed);
    if (level) return level;
  }
  const bare = BARE_LEVEL.exec(firstLine)?.[1];
  if (bare) return normalizeLevel(bare);
  const bracket = BRACKET_LEVEL.exec(firstLine)?.[1];
  return bracket ? normalizeLevel(bracket) : undefined;
}

export function isErrorLevel(level: string | undefined): boolean {
  return level !== undefined && ERROR_LEVELS.has(level);
}

export type ErrorMarker =
  | 'python-traceback'
  | 'java-uncaught'
  | 'java-frame'
  | 'node-frame'
  | 'go-panic'
  | 'caused-by'
  | 'exception-line'
  | 'http-5xx';

// Line-anchored markers use `[ \t]` for indentation: `\s` under the `m` flag would run across lines
// and make a run of newlines cost quadratic time.
const MARKERS: ReadonlyArray<[ErrorMarker, RegExp]> = [
  ['python-traceback', /Traceback \(most recent call last\):/],
  ['java-uncaught', /Exception in thread "[^"]*"/],
  [
    'java-frame',
    /^[ \t]*at [\w$.<>/-]+\((?:[\w$-]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)/m,
  ],
  ['node-frame', /^[ \t]*at (?:(?:async )?[^\n()]+ \()?[^\s()]+:\d+:\d+\)?[ \t]*$/m],
  ['go-panic', /^(?:panic: |goroutine \d+ \[running\]:)/m],
  ['caused-by', /^[ \t]*Caused by: /m],
  ['exception-line', /^(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Error|Exception|Throwable)(?:: |:?$)/m],
  [
    'http-5xx',
    /"[A-Z]+ \S+ HTTP\/\d(?:\.\d)?" 5\d\d\b|\b(?:status|status_code|statusCode|http_status|http\.status_code)["']?\s*[=:]\s*["']?5\d\d\b/,
  ],
];

export interface Classification {
  isError: boolean;
  level: string | undefined;
  markers: ErrorMarker[];
}

/** Errors told apart from other lines: by level, by exception/traceback/panic markers, or by a 5xx access line. */
export function classifyLine(raw: string, fields?: Readonly<Record<string, string>>): Classification {
  const level = extractLevel(raw, fields);
  const text = parsedLines(raw).map(stripLeadingTags).join('\n');
  const markers = MARKERS.filter(([, re]) => re.test(text)).map(([name]) => name);
  return { isError: isErrorLevel(level) || markers.length > 0, level, markers };
}
