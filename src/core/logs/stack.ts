import { parsedLines } from './lines.ts';
import { removeSessionTags, stripLeadingTags } from './parse.ts';

export type StackLanguage = 'python' | 'java' | 'node' | 'go';

export interface StackFrame {
  /** The frame's line as logged (tags removed, trimmed). */
  text: string;
  fn?: string;
  file?: string;
  line?: number;
  column?: number;
  /** Python: the source line printed under the frame. */
  code?: string;
}

export interface StackInfo {
  language: StackLanguage | undefined;
  /** "<exception type>: <message>" for a trace, else the line itself without tags and leading timestamp. */
  headline: string;
  exceptionType: string | undefined;
  exceptionMessage: string | undefined;
  /** Innermost-last as printed. Python: frames of the last traceback; Java/Node/Go: frames of the top exception. */
  frames: StackFrame[];
  /** Other exceptions of the chain ("Caused by:", Python's earlier tracebacks), as headlines. */
  causes: string[];
}

export const PY_TRACEBACK = /^Traceback \(most recent call last\):\s*$/;
const PY_FRAME = /^\s*File "([^"]+)", line (\d+)(?:, in (.+))?\s*$/;
export const PY_CHAIN =
  /^(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/;
const JAVA_FRAME = /^\s*at ([\w$.<>/-]+)\(([^()]*)\)\s*$/;
const NODE_FRAME = /^\s*at (?:(?:async )?(.+?) \()?([^\s()]+?):(\d+):(\d+)\)?\s*$/;
const GO_PANIC_PREFIX = 'panic: ';
export const GO_GOROUTINE = /^goroutine \d+ \[[^\]]*\]:\s*$/;
const GO_IN_GOROUTINE = / in goroutine \d+$/;
const GO_NAME_CHAR = /[\w./*()[\]{}-]/;
const GO_LOCATION = /^\s+(\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?\s*$/;
export const EXCEPTION_LINE = /^((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)(?:: (.*))?$/;
const LEADING_TIMESTAMP = /^\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?\s*/;
// A headline names the error; the level word in front of it ("ERROR") says nothing the view doesn't.
const LEADING_LEVEL =
  /^\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|PANIC|ALERT|EMERG)\]?:?\s+/i;

/** A line without what loggers put before the message: session tags, a timestamp, the level. */
function messagePart(line: string): string {
  return removeSessionTags(line).trim().replace(LEADING_TIMESTAMP, '').replace(LEADING_LEVEL, '');
}

function cleanLines(raw: string): string[] {
  return parsedLines(raw).map(stripLeadingTags);
}

/** The message of a `panic: ` line (without ` [recovered]`), or undefined; no backtracking over its length. */
function goPanicMessage(line: string): string | undefined {
  if (!line.startsWith(GO_PANIC_PREFIX)) return undefined;
  const rest = line.slice(GO_PANIC_PREFIX.length).trimEnd();
  return rest.endsWith(' [recovered]') ? rest.slice(0, -' [recovered]'.length) : rest;
}

export function isGoPanic(line: string): boolean {
  return line.startsWith(GO_PANIC_PREFIX);
}

/**
 * A Go frame's function line: `pkg.(*T).fn(0x1, …)`, `created by pkg.fn in goroutine 7`. Read
 * by hand: the name may itself hold parentheses, which a regular expression would try every split of.
 */
export function isGoFunc(line: string): boolean {
  let text = line.trimEnd();
  const created = text.startsWith('created by ');
  if (created) text = text.slice('created by '.length);
  const suffix = GO_IN_GOROUTINE.exec(text);
  if (suffix) text = text.slice(0, suffix.index);
  if (text === '') return false;
  let name = 0;
  while (name < text.length && GO_NAME_CHAR.test(text[name] ?? '')) name++;
  if (created && name === text.length && !/[{}]/.test(text)) return true;
  // `name(args)`: some `(` after at least one name character, within the name run, and a closing `)`.
  if (!text.endsWith(')')) return false;
  const open = text.indexOf('(', 1);
  return open !== -1 && open <= name && open < text.length - 1;
}

function splitException(line: string): { type: string | undefined; message: string | undefined } {
  const text = removeSessionTags(line)
    .trim()
    .replace(/^Exception in thread "[^"]*" /, '')
    .replace(/^Uncaught /, '');
  const m = EXCEPTION_LINE.exec(text);
  if (!m) return { type: undefined, message: text };
  return { type: m[1], message: m[2]?.trim() };
}

function headlineOf(type: string | undefined, message: string | undefined): string {
  if (type && message) return `${type}: ${message}`;
  return type ?? message ?? '';
}

export function detectLanguage(raw: string): StackLanguage | undefined {
  const lines = cleanLines(raw);
  if (lines.some((l) => PY_TRACEBACK.test(l.trim()))) return 'python';
  if (lines.some((l) => isGoPanic(l) || GO_GOROUTINE.test(l))) return 'go';
  if (lines.some((l) => JAVA_FRAME.test(l) && !NODE_FRAME.test(l))) return 'java';
  if (lines.some((l) => NODE_FRAME.test(l))) return 'node';
  return undefined;
}

function python(lines: string[]): StackInfo {
  const starts = lines.flatMap((l, i) => (PY_TRACEBACK.test(l.trim()) ? [i] : []));
  const blocks = starts.map((start, k) => lines.slice(start, starts[k + 1] ?? lines.length));
  const exceptionOf = (block: string[]): string | undefined =>
    [...block].reverse().find((l) => l.trim() !== '' && !/^\s/.test(l) && !PY_CHAIN.test(l) && !PY_TRACEBACK.test(l));
  const last = blocks[blocks.length - 1] ?? [];
  const frames: StackFrame[] = [];
  for (let i = 0; i < last.length; i++) {
    const m = PY_FRAME.exec(last[i] ?? '');
    if (!m) continue;
    const frame: StackFrame = { text: (last[i] ?? '').trim(), file: m[1] ?? '', line: Number(m[2]) };
    if (m[3]) frame.fn = m[3].trim();
    const next = last[i + 1];
    if (next !== undefined && /^\s{4,}\S/.test(next) && !PY_FRAME.test(next)) frame.code = next.trim();
    frames.push(frame);
  }
  const { type, message } = splitException(exceptionOf(last) ?? '');
  const causes = blocks.slice(0, -1).flatMap((b) => {
    const line = exceptionOf(b);
    if (!line) return [];
    const e = splitException(line);
    return [headlineOf(e.type, e.message)];
  });
  return {
    language: 'python',
    headline: headlineOf(type, message),
    exceptionType: type,
    exceptionMessage: message,
    frames,
    causes,
  };
}

function javaOrNode(lines: string[], language: 'java' | 'node'): StackInfo {
  const frameRe = language === 'java' ? JAVA_FRAME : NODE_FRAME;
  const firstFrame = lines.findIndex((l) => frameRe.test(l));
  let headIndex = firstFrame - 1;
  while (headIndex >= 0 && (lines[headIndex] ?? '').trim() === '') headIndex--;
  const head = headIndex >= 0 ? (lines[headIndex] ?? '') : '';
  const { type, message } = splitException(messagePart(head));
  const frames: StackFrame[] = [];
  const causes: string[] = [];
  for (let i = Math.max(0, firstFrame); i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^\s*Caused by: /.test(l)) {
      const e = splitException(l.replace(/^\s*Caused by: /, ''));
      causes.push(headlineOf(e.type, e.message));
      continue;
    }
    if (causes.length > 0) continue; // frames of the top exception only
    if (language === 'java') {
      const m = JAVA_FRAME.exec(l);
      if (!m) continue;
      const frame: StackFrame = { text: l.trim(), fn: m[1] ?? '' };
      const loc = /^(.+?):(\d+)$/.exec(m[2] ?? '');
      if (loc) {
        frame.file = loc[1] ?? '';
        frame.line = Number(loc[2]);
      } else if (m[2]) frame.file = m[2];
      frames.push(frame);
    } else {
      const m = NODE_FRAME.exec(l);
      if (!m) continue;
      const frame: StackFrame = { text: l.trim(), file: m[2] ?? '', line: Number(m[3]), column: Number(m[4]) };
      if (m[1]) frame.fn = m[1];
      frames.push(frame);
    }
  }
  return {
    language,
    headline: headlineOf(type, message),
    exceptionType: type,
    exceptionMessage: message,
    frames,
    causes,
  };
}

function go(lines: string[]): StackInfo {
  const panicLine = lines.find(isGoPanic);
  const message = panicLine ? removeSessionTags(goPanicMessage(panicLine) ?? '').trim() : undefined;
  const frames: StackFrame[] = [];
  let goroutines = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (GO_GOROUTINE.test(l)) {
      goroutines++;
      continue;
    }
    if (goroutines !== 1) continue; // the panicking goroutine is printed first
    const loc = GO_LOCATION.exec(lines[i + 1] ?? '');
    if (isGoFunc(l.trim()) && loc) {
      const fn = l
        .trim()
        .replace(/^created by /, '')
        .replace(/\(.*\)(?: in goroutine \d+)?$/, '')
        .replace(/ in goroutine \d+$/, '');
      frames.push({ text: `${l.trim()} ${(lines[i + 1] ?? '').trim()}`, fn, file: loc[1] ?? '', line: Number(loc[2]) });
      i++;
    }
  }
  return {
    language: 'go',
    headline: message !== undefined ? `panic: ${message}` : firstMeaningfulLine(lines),
    exceptionType: 'panic',
    exceptionMessage: message,
    frames,
    causes: [],
  };
}

function firstMeaningfulLine(lines: string[]): string {
  return messagePart(lines.find((l) => l.trim() !== '') ?? '');
}

/** The headline (exception type + message) and frames of a (possibly multi-line) message. */
export function extractStack(raw: string): StackInfo {
  const lines = cleanLines(raw);
  const language = detectLanguage(raw);
  if (language === 'python') return python(lines);
  if (language === 'go') return go(lines);
  if (language === 'java' || language === 'node') return javaOrNode(lines, language);
  return {
    language: undefined,
    headline: firstMeaningfulLine(lines),
    exceptionType: undefined,
    exceptionMessage: undefined,
    frames: [],
    causes: [],
  };
}
