/**
 * Thin, promise-shaped access to the inspected window. Everything page-derived comes back as unknown.
 * Uses the callback form of chrome.devtools directly: its (result, exceptionInfo) pair is the one
 * shape both Chromium and Firefox agree on.
 */
export const tabId = (): number => chrome.devtools.inspectedWindow.tabId;

export interface EvalResult {
  value: unknown;
  error?: string;
}

/**
 * Firefox has neither inspectedWindow.getResources nor eval's frameURL option: it ignores frameURL
 * and evaluates in the top frame, which would pass the top frame's answer off as a sub-frame's.
 */
export const canTargetFrames = (): boolean => typeof chrome.devtools.inspectedWindow.getResources === 'function';

export function evalInPage(expression: string, frameURL?: string): Promise<EvalResult> {
  if (frameURL && !canTargetFrames()) {
    return Promise.resolve({
      value: undefined,
      error: 'this browser cannot evaluate in a chosen frame (top frame only)',
    });
  }
  return new Promise((resolve) => {
    try {
      const options = frameURL ? { frameURL } : {};
      chrome.devtools.inspectedWindow.eval(expression, options, (value: unknown, exception) => {
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
