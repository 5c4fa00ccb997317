import { formatTime } from '../../../core/time-format.ts';
import { useTimeLeft } from './use-time-left.ts';

/** Expiry from the token itself: the latest moment a backend log line can still carry it. */
export function ExpiryFact({ expiresAt }: { expiresAt: number }) {
  const left = useTimeLeft(expiresAt);
  const expired = left.startsWith('expired');
  return (
    <>
      <dt>Expires</dt>
      <dd>
        <span data-testid="token-expiry">{formatTime(expiresAt, 'recent')}</span>{' '}
        <span class={expired ? 'time-left expired' : 'time-left'} data-testid="time-left">
          ({left})
        </span>
      </dd>
    </>
  );
}
