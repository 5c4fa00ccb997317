import {
  fixOfferFor,
  SNIPPETS,
  taggingHintFor,
  type BackendTagging,
  type SnippetId,
} from '../../../core/audit/fix-snippets.ts';
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
import clientHeader from '../../../../snippets/client/session-header.mjs?raw';

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
  'client-header': clientHeader,
};

const SUMMARY: Readonly<Record<'logging' | 'cors' | 'client', string>> = {
  logging: 'Log tagging to paste',
  cors: 'CORS fixes to paste',
  client: 'Browser code to paste',
};

/**
 * Copyable code for the fix a request needs, where one helps: the header added by hand, a CORS
 * change, or log tagging for an endpoint whose backend a search found not tagging.
 */
export function FixSnippets({ entry, backend }: { entry: AuditEntry; backend: BackendTagging }) {
  const offer = fixOfferFor(entry.result, backend);
  if (offer === null) {
    const hint = taggingHintFor(entry.result, backend);
    return hint === null ? null : (
      <p class="muted" data-testid="fix-snippets-hint">
        {hint}
      </p>
    );
  }
  return (
    <details class="fix-snippets" data-testid="fix-snippets" data-kind={offer.kind}>
      <summary>{SUMMARY[offer.kind]}</summary>
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
