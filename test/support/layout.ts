/**
 * happy-dom lays nothing out: every element is 0 × 0, so a virtualized list would draw no rows.
 * This gives scroll boxes (`.vrows`) a size, as a browser would; call the returned function to undo it.
 */
export function giveScrollBoxesASize(width: number, height: number): () => void {
  const proto = HTMLElement.prototype;
  const before = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  const sized = (el: HTMLElement) => el.classList.contains('vrows');
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this) ? height : 0;
    },
  });
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this) ? width : 0;
    },
  });
  return () => {
    for (const [name, descriptor] of Object.entries(before)) {
      if (descriptor) Object.defineProperty(proto, name, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[name];
    }
  };
}
