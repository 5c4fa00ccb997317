/**
 * Thin, promise-shaped access to the inspected window. Everything page-derived comes back as unknown.
 * Uses the callback form of chrome.devtools directly: its (result, exceptionInfo) pair is the one
 * shape both Chromium and Firefox agree on.
 */

/** What eval reports when the expression threw or could not run. */
export interface EvalException {
  isException?: boolean;
  isError?: boolean;
  value?: unknown;
  description?: string;
}

/** A request as DevTools hands it over: a HAR entry, with its body on demand. */
export type HarRequest = chrome.devtools.network.Request;

/**
 * The part of `chrome.devtools` the devtools page uses. The host takes it as a parameter, so
 * unit tests hand it a fake (test/support/fake-devtools.ts) and the page passes `chrome.devtools`.
 */
export interface DevtoolsApi {
  inspectedWindow: {
    readonly tabId: number;
    eval(
      expression: string,
      options: { frameURL?: string },
      callback: (result: unknown, exception: EvalException | undefined) => void,
    ): void;
    /** Missing in Firefox. */
    getResources?: (callback: (resources: Array<{ url: string; type?: string }>) => void) => void;
  };
  network: {
    onRequestFinished: { addListener(listener: (request: HarRequest) => void): void };
    onNavigated: { addListener(listener: (url: string) => void): void };
    getHAR(callback: (log: { entries?: unknown[] } | undefined) => void): void;
  };
}

export type InspectedWindow = DevtoolsApi['inspectedWindow'];

export interface EvalResult {
  value: unknown;
  error?: string;
}

/**
 * Firefox has neither inspectedWindow.getResources nor eval's frameURL option: it ignores frameURL
 * and evaluates in the top frame, which would pass the top frame's answer off as a sub-frame's.
 */
export const canTargetFrames = (win: InspectedWindow): boolean => typeof win.getResources === 'function';

export function evalInPage(win: InspectedWindow, expression: string, frameURL?: string): Promise<EvalResult> {
  if (frameURL && !canTargetFrames(win)) {
    return Promise.resolve({
      value: undefined,
      error: 'this browser cannot evaluate in a chosen frame (top frame only)',
    });
  }
  return new Promise((resolve) => {
    try {
      const options = frameURL ? { frameURL } : {};
      win.eval(expression, options, (value: unknown, exception) => {
        if (exception && (exception.isException || exception.isError)) {
          const text = exception.isException ? String(exception.value) : String(exception.description);
          resolve({ value: undefined, error: text.slice(0, 300) });
        } else {
          resolve({ value });
        }
      });
    } catch (err) {
      resolve({ value: undefined, error: err instanceof Error ? err.message.slice(0, 300) : 'eval failed' });
    }
  });
}
