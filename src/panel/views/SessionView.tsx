import { useEffect, useState } from 'preact/hooks';
import { evalInPage } from '../../devtools/inspected.ts';

export function SessionView() {
  const [href, setHref] = useState<string>('');
  useEffect(() => {
    void evalInPage('location.href').then((r) => setHref(typeof r.value === 'string' ? r.value : ''));
  }, []);
  return (
    <section>
      <h2>Session</h2>
      <p>
        Inspected page: <span data-testid="page-url">{href}</span>
      </p>
    </section>
  );
}
