import type { Transport } from './transport.ts';

/**
 * The devtools page and the panel are same-origin frames of one DevTools window, so they share a
 * JavaScript heap: messages can be handed over by reference instead of being copied through a
 * BroadcastChannel (a full capture is not cloned on every snapshot, and lives in memory once). The protocol is the same typed one; only the pipe differs. Where the panel
 * cannot reach the devtools page (another browser's frame layout), both fall back to the channel.
 */
const LINK_KEY = '__replayLinkFrameLink';

interface FrameLink<ToPanel, FromPanel> {
  attach(listener: (m: ToPanel) => void): { post(m: FromPanel): void; detach(): void };
}

/** Messages are still delivered asynchronously, as postMessage would, so neither side re-enters the other. */
function later(fn: () => void): void {
  queueMicrotask(() => {
    try {
      fn();
    } catch {
      // A listener of a document that has gone away: nothing to deliver to.
    }
  });
}

/**
 * The devtools page's side: publishes the link on its own window and mirrors every message on
 * `fallback` only while no panel is attached directly (so nothing is cloned needlessly).
 */
export function offerFrameLink<ToPanel, FromPanel>(
  win: Window,
  fallback: Transport<ToPanel, FromPanel>,
): Transport<ToPanel, FromPanel> {
  const panels = new Set<(m: ToPanel) => void>();
  const fromPanel = new Set<(m: FromPanel) => void>();
  fallback.subscribe((m) => fromPanel.forEach((l) => l(m)));
  const link: FrameLink<ToPanel, FromPanel> = {
    attach(listener) {
      panels.add(listener);
      return {
        post: (m) => later(() => fromPanel.forEach((l) => l(m))),
        detach: () => void panels.delete(listener),
      };
    },
  };
  (win as unknown as Record<string, unknown>)[LINK_KEY] = link;
  return {
    post(message) {
      if (panels.size === 0) return fallback.post(message);
      for (const listener of panels) later(() => listener(message));
    },
    subscribe(listener) {
      fromPanel.add(listener);
      return () => fromPanel.delete(listener);
    },
    close() {
      panels.clear();
      fallback.close();
    },
  };
}

/** The devtools page's link, if the panel can reach it: a same-origin sibling frame. */
function findFrameLink<ToPanel, FromPanel>(win: Window): FrameLink<ToPanel, FromPanel> | null {
  try {
    const frames = win.parent.frames;
    for (let i = 0; i < frames.length; i++) {
      try {
        const link = (frames[i] as unknown as Record<string, unknown>)[LINK_KEY];
        if (link && typeof (link as FrameLink<ToPanel, FromPanel>).attach === 'function')
          return link as FrameLink<ToPanel, FromPanel>;
      } catch {
        // A cross-origin frame: not ours.
      }
    }
  } catch {
    // No parent access at all.
  }
  return null;
}

/**
 * The panel's side: attaches to the devtools page directly when it can, and always listens on
 * `fallback` too (what other senders, such as tests and benchmarks, post there still arrives).
 */
export function connectFrameLink<ToPanel, FromPanel>(
  win: Window,
  fallback: Transport<FromPanel, ToPanel>,
): Transport<FromPanel, ToPanel> {
  const listeners = new Set<(m: ToPanel) => void>();
  const deliver = (m: ToPanel) => listeners.forEach((l) => l(m));
  fallback.subscribe(deliver);
  const link = findFrameLink<ToPanel, FromPanel>(win);
  const attached = link?.attach(deliver) ?? null;
  win.addEventListener('pagehide', () => attached?.detach());
  return {
    post: (message) => (attached ? attached.post(message) : fallback.post(message)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      attached?.detach();
      fallback.close();
    },
  };
}
