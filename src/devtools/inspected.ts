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

export function evalInPage(expression: string, frameURL?: string): Promise<EvalResult> {
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
