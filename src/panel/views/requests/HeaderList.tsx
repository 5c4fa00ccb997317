import type { ShownHeader } from './header-mask.ts';

interface Props {
  title: string;
  headers: ShownHeader[];
  testId: string;
  /** Lower-case names to highlight (the header that decided the verdict). */
  highlight?: string | undefined;
}

export function HeaderList({ title, headers, testId, highlight }: Props) {
  return (
    <section class="headers" aria-label={title}>
      <h4>
        {title} <span class="muted">({headers.length})</span>
      </h4>
      {headers.length === 0 ? (
        <p class="muted">None recorded.</p>
      ) : (
        <dl data-testid={testId}>
          {headers.map((h, i) => (
            <div
              key={i}
              class={`header-line${highlight !== undefined && h.name.toLowerCase() === highlight ? ' decisive' : ''}`}
              data-testid="header-line"
            >
              <dt>{h.name}</dt>
              <dd class={h.masked ? 'masked' : undefined} data-masked={h.masked ? 'true' : undefined}>
                {h.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
