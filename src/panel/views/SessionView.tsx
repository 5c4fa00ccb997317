import { useModel } from '../state/model.ts';

export function SessionView() {
  const { devtools } = useModel();
  const s = devtools.session.value;
  return (
    <section>
      <h2>Session</h2>
      <p>
        Token: <code data-testid="current-token">{s.current?.token ?? ''}</code>
      </p>
      <p>
        Session id: <code data-testid="session-id">{s.current?.sessionId ?? ''}</code> ({s.current?.source ?? s.status})
      </p>
    </section>
  );
}
