import { removeSessionTags, type LogMessage } from './parse.ts';
import type { StackInfo } from './stack.ts';

export interface LogSource {
  category: string;
  host: string;
  name: string;
}

export type GroupableEntry = Pick<
  LogMessage,
  'raw' | 'messageTime' | 'receiptTime' | 'sourceCategory' | 'sourceHost' | 'sourceName'
> & {
  stack: StackInfo;
};

export interface ErrorGroup<T extends GroupableEntry = GroupableEntry> {
  signature: string;
  headline: string;
  count: number;
  firstSeen: number | undefined;
  lastSeen: number | undefined;
  /** The newest occurrence. */
  sample: T;
  sources: LogSource[];
}

const MAX_SIGNATURE = 600;

// Order matters: specific shapes first, bare numbers last.
const NORMALIZERS: ReadonlyArray<[RegExp, string]> = [
  [/\b[0-9a-z]{4,20}\.-?[0-9a-z]{1,20}\.[0-9a-z]{1,20}\.[0-9A-Za-z_-]{8,150}\b/g, '<token>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b/g, '<time>'],
  [/\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b/g, '<time>'],
  [/"(?:[^"\\\n]|\\.){0,300}"/g, '"<str>"'],
  [/'(?:[^'\\\n]|\\.){0,300}'/g, "'<str>'"],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hex>'],
  [/\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{16,}\b/g, '<id>'],
  [/-?\d+(?:\.\d+)?/g, '<n>'],
];

/** Normalizes the variable parts of an error text so that identical errors share one signature. */
export function normalizeForSignature(text: string): string {
  let out = removeSessionTags(text);
  for (const [re, replacement] of NORMALIZERS) out = out.replace(re, replacement);
  return out.replace(/\s+/g, ' ').trim().slice(0, MAX_SIGNATURE);
}

/** Headline plus the top frames' functions/files: line numbers are normalized with the rest. */
export function errorSignature(stack: StackInfo): string {
  const frames = stack.frames
    .slice(0, 3)
    .map((f) => normalizeForSignature(`${f.fn ?? ''}@${f.file ?? f.text}`))
    .join(' < ');
  return `${stack.language ?? 'line'}|${normalizeForSignature(stack.headline)}${frames ? `|${frames}` : ''}`;
}

function timeOf(e: GroupableEntry): number | undefined {
  return e.messageTime ?? e.receiptTime;
}

/** Groups identical errors; groups come newest first (by last seen). */
export function groupErrors<T extends GroupableEntry>(
  entries: readonly T[],
  signatureOf: (entry: T) => string = (e) => errorSignature(e.stack),
): ErrorGroup<T>[] {
  const groups = new Map<string, ErrorGroup<T>>();
  const sourceKeys = new Map<string, Set<string>>();
  for (const entry of entries) {
    const signature = signatureOf(entry);
    const t = timeOf(entry);
    let group = groups.get(signature);
    if (!group) {
      group = {
        signature,
        headline: entry.stack.headline,
        count: 0,
        firstSeen: t,
        lastSeen: t,
        sample: entry,
        sources: [],
      };
      groups.set(signature, group);
      sourceKeys.set(signature, new Set());
    }
    group.count++;
    if (t !== undefined) {
      if (group.firstSeen === undefined || t < group.firstSeen) group.firstSeen = t;
      if (group.lastSeen === undefined || t > group.lastSeen) {
        group.lastSeen = t;
        group.sample = entry;
        group.headline = entry.stack.headline;
      }
    }
    const key = `${entry.sourceCategory}\u0000${entry.sourceHost}\u0000${entry.sourceName}`;
    const keys = sourceKeys.get(signature);
    if (keys && !keys.has(key)) {
      keys.add(key);
      group.sources.push({ category: entry.sourceCategory, host: entry.sourceHost, name: entry.sourceName });
    }
  }
  return [...groups.values()].sort((a, b) => (b.lastSeen ?? -Infinity) - (a.lastSeen ?? -Infinity));
}
