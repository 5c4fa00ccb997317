/**
 * happy-dom lays nothing out: every element is 0 × 0, so a virtualized list would draw no rows and
 * could not scroll. This gives scroll boxes (`.vrows`) a size, as a browser would, and a scroll
 * height made of their children's inline heights; call the returned function to undo it.
 */
export function giveScrollBoxesASize(width: number, height: number): () => void {
  const proto = HTMLElement.prototype;
  const names = ['clientHeight', 'clientWidth', 'scrollHeight'] as const;
  const before = names.map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const);
  const sized = (el: HTMLElement) => el.classList.contains('vrows');
  const define = (name: (typeof names)[number], get: (el: HTMLElement) => number) =>
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: HTMLElement) {
        return sized(this) ? get(this) : 0;
      },
    });
  define('clientHeight', () => height);
  define('clientWidth', () => width);
  define('scrollHeight', (el) =>
    [...el.children].reduce((sum, child) => sum + (parseFloat((child as HTMLElement).style.height) || 0), 0),
  );
  return () => {
    for (const [name, descriptor] of before) {
      if (descriptor) Object.defineProperty(proto, name, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[name];
    }
  };
}
