/** `p`'s value, or 'timeout' when it has not settled by `ms` (a page eval that may never answer). */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    void p.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}
