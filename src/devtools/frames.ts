import { evalInPage, type InspectedWindow } from './inspected.ts';
import { PROBE_EXPRESSION } from '../core/session/probe-expression.ts';
import { interpretProbe, type ProbeResult } from '../core/session/probe.ts';

const MAX_FRAMES = 12;

/** Document URLs DevTools knows in the inspected tab: the frames inspectedWindow.eval can reach. */
function frameUrls(win: InspectedWindow): Promise<string[]> {
  return new Promise((resolve) => {
    try {
      if (!win.getResources) return resolve([]);
      win.getResources((resources) => {
        const urls = new Set<string>();
        for (const r of resources) {
          if (r.type === 'document' && /^https?:/.test(r.url)) urls.add(r.url);
          if (urls.size >= MAX_FRAMES) break;
        }
        resolve([...urls]);
      });
    } catch {
      resolve([]);
    }
  });
}

/**
 * Runs the probe in the top frame and every other frame. A frame that has gone away (or that
 * eval cannot enter) is skipped: it can't hold the tracker we show.
 */
export async function probeAllFrames(win: InspectedWindow, topUrl: string): Promise<ProbeResult[]> {
  const top = await evalInPage(win, PROBE_EXPRESSION);
  const results: ProbeResult[] = [interpretProbe(top.value)];
  const others = (await frameUrls(win)).filter((u) => u !== topUrl);
  const inner = await Promise.all(others.map((url) => evalInPage(win, PROBE_EXPRESSION, url)));
  for (const r of inner) if (!r.error && r.value !== undefined) results.push(interpretProbe(r.value));
  return results;
}
