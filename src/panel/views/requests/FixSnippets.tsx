import { fixOfferFor, SNIPPETS, type SnippetId } from '../../../core/audit/fix-snippets.ts';
import type { AuditEntry } from '../../../core/audit/types.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import node from '../../../../snippets/node/openreplay-context.mjs?raw';
import python from '../../../../snippets/python/openreplay_logging.py?raw';
import java from '../../../../snippets/java/OpenReplayFilter.java?raw';
import go from '../../../../snippets/go/openreplay/middleware.go?raw';
import goSlog from '../../../../snippets/go/openreplay/slog.go?raw';
import dotnet from '../../../../snippets/dotnet/OpenReplayMiddleware.cs?raw';
import corsExpress from '../../../../snippets/cors/express-cors.mjs?raw';
import corsNginx from '../../../../snippets/cors/nginx.conf?raw';
import corsSpring from '../../../../snippets/cors/SpringCorsConfig.java?raw';

const TEXT: Readonly<Record<SnippetId, string>> = {
  node,
  python,
  java,
  go,
  'go-slog': goSlog,
  dotnet,
  'cors-express': corsExpress,
  'cors-nginx': corsNginx,
  'cors-spring': corsSpring,
};

/** Copyable code for the fix a request needs: log tagging for a backend, or a CORS change. */
export function FixSnippets({ entry }: { entry: AuditEntry }) {
  const offer = fixOfferFor(entry.result);
  if (offer === null) return null;
  return (
    <details class="fix-snippets" data-testid="fix-snippets" data-kind={offer.kind}>
      <summary>{offer.kind === 'cors' ? 'CORS fixes to paste' : 'Log tagging to paste'}</summary>
      <p class="muted">{offer.heading}</p>
      {offer.snippets.map((id) => (
        <section key={id} class="snippet" data-testid="fix-snippet" data-snippet={id}>
          <header>
            <strong>{SNIPPETS[id].title}</strong>
            <CopyButton
              text={TEXT[id]}
              label={`Copy the ${SNIPPETS[id].title} snippet`}
              testId={`copy-snippet-${id}`}
            />
          </header>
          <pre tabIndex={0}>
            <code>{TEXT[id]}</code>
          </pre>
        </section>
      ))}
    </details>
  );
}
