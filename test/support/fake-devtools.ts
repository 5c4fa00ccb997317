import type { DevtoolsApi, EvalException, HarRequest } from '../../src/devtools/inspected.ts';

/** What the fake page answers to one evaluation: a value, or the exception eval reports. */
export type EvalAnswer = { value: unknown } | { exception: EvalException };

export interface FakeDevtoolsOptions {
  tabId?: number;
  /** The page's answer per expression (and frame); `undefined` when not given. */
  evaluate?: (expression: string, frameURL: string | undefined) => EvalAnswer;
  /** What inspectedWindow.getResources lists; omit the option to have no getResources (Firefox). */
  resources?: Array<{ url: string; type?: string }>;
}

/**
 * `chrome.devtools` as the devtools host uses it, driven by the test: requests finish and pages
 * navigate when the test says so, and getHAR answers when `answerHar` is called.
 */
export function fakeDevtools(options: FakeDevtoolsOptions = {}) {
  const finished = new Set<(request: HarRequest) => void>();
  const navigated = new Set<(url: string) => void>();
  const harWaiting: Array<(log: { entries?: unknown[] } | undefined) => void> = [];
  const evaluations: Array<{ expression: string; frameURL: string | undefined }> = [];
  const evaluate = options.evaluate ?? (() => ({ value: undefined }));

  const api: DevtoolsApi = {
    inspectedWindow: {
      tabId: options.tabId ?? 7,
      eval(expression, evalOptions, callback) {
        evaluations.push({ expression, frameURL: evalOptions.frameURL });
        const answer = evaluate(expression, evalOptions.frameURL);
        if ('exception' in answer) callback(undefined, answer.exception);
        else callback(answer.value, undefined);
      },
      ...(options.resources
        ? {
            getResources: (callback: (r: Array<{ url: string; type?: string }>) => void) =>
              callback(options.resources ?? []),
          }
        : {}),
    },
    network: {
      onRequestFinished: { addListener: (l) => void finished.add(l) },
      onNavigated: { addListener: (l) => void navigated.add(l) },
      getHAR: (callback) => void harWaiting.push(callback),
    },
  };

  return {
    api,
    evaluations,
    /** A request finished in the inspected tab (the live listener). */
    finish(entry: Record<string, unknown>): void {
      for (const l of finished) l(entry as unknown as HarRequest);
    },
    navigate(url: string): void {
      for (const l of navigated) l(url);
    },
    /** How many getHAR calls wait for an answer. */
    get harPending(): number {
      return harWaiting.length;
    },
    /** DevTools answers the waiting getHAR calls with these entries. */
    answerHar(entries: Array<Record<string, unknown>>): void {
      for (const callback of harWaiting.splice(0)) callback({ entries });
    },
  };
}
