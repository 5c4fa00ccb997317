// Classification and stack parsing read a bounded view of a message: a log line is written by
// whoever reaches the backend, so its size is not ours to choose. The full text stays for display.

/** Lines beyond this many are not parsed: headlines and the frames that name an error come first. */
export const MAX_PARSED_LINES = 400;
/** Characters of one line that are parsed; real frames and headlines are far shorter. */
export const MAX_PARSED_LINE = 2000;

function cap(line: string): string {
  const cut = line.length > MAX_PARSED_LINE ? line.slice(0, MAX_PARSED_LINE) : line;
  return cut.endsWith('\r') ? cut.slice(0, -1) : cut;
}

/** The first lines of a text, each cut to a bounded length, in one pass over what they cover. */
export function parsedLines(raw: string, maxLines: number = MAX_PARSED_LINES): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < maxLines) {
    const nl = raw.indexOf('\n', start);
    if (nl === -1) {
      lines.push(cap(raw.slice(start, start + MAX_PARSED_LINE + 1)));
      break;
    }
    lines.push(cap(raw.slice(start, Math.min(nl, start + MAX_PARSED_LINE + 1))));
    start = nl + 1;
  }
  return lines;
}

/** The first line, bounded. */
export function firstParsedLine(raw: string): string {
  return parsedLines(raw, 1)[0] ?? '';
}

/** The last line, bounded. */
export function lastParsedLine(raw: string): string {
  const nl = raw.lastIndexOf('\n');
  return cap(raw.slice(nl + 1, nl + 2 + MAX_PARSED_LINE));
}
