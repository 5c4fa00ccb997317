import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * An area whose code loads when it is first shown, so the panel opens on less JavaScript. The
 * module is fetched once; while it loads, a status line says so. (Preact's own `lazy` lives in
 * preact/compat, which the panel does not otherwise need.)
 */
export function lazyArea(load: () => Promise<ComponentType>, name: string): ComponentType {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const start = () => (pending ??= load().then((c) => (loaded = c)));
  function LazyArea() {
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (loaded !== null) return;
      let live = true;
      void start().then(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, []);
    const Area = loaded;
    return Area ? (
      <Area />
    ) : (
      <p class="hint" role="status">
        Loading {name}…
      </p>
    );
  }
  return LazyArea;
}
