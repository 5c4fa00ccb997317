import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditStore } from '../../../core/audit/audit-store.ts';
import type { CaptureInfo } from '../../../shared/protocol.ts';
import { copyText } from '../../components/copy-text.ts';
import { useModel } from '../../state/model.ts';
import { trapTab } from '../../components/focus-trap.ts';

interface Props {
  store: AuditStore;
  capture: CaptureInfo | null;
}

/** The Markdown report as text to read, select and copy (the clipboard is not always allowed). */
export function ReportDialog({ store, capture }: Props) {
  const requestsUi = useModel().ui.requests;
  const ref = useRef<HTMLDialogElement>(null);
  const [reveal, setReveal] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  // Made once per opening (and per reveal choice), not on every captured batch.
  const linking = useModel().linking;
  const text = useMemo(() => linking.markdownReport(reveal), [store, capture, reveal]);
  const close = () => (requestsUi.reportOpen.value = false);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Handled here, not by the dialog's own cancel: DevTools' script in extension pages takes Esc
      // (it prevents its default and toggles the console drawer) once it reaches the document.
      e.preventDefault();
      e.stopPropagation();
      close();
    } else trapTab(e, ref.current);
  };

  useLayoutEffect(() => {
    const d = ref.current;
    // The dialog is unmounted rather than closed, so the browser's own focus return cannot be relied on.
    const returnTo =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      (returnTo?.isConnected ? returnTo : document.querySelector<HTMLElement>('[data-testid="show-report"]'))?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="report-dialog"
      data-testid="report-dialog"
      aria-labelledby="report-title"
      onClose={close}
      onCancel={close}
      onKeyDown={onKeyDown}
    >
      <header class="detail-head">
        <h3 id="report-title">Propagation report (Markdown)</h3>
        <button type="button" class="icon" aria-label="Close report" data-testid="report-close" onClick={close}>
          ✕
        </button>
      </header>
      <textarea
        readonly
        data-testid="report-text"
        aria-label="Report text"
        spellcheck={false}
        wrap="off"
        value={text}
      />
      <footer class="report-actions">
        <label class="check">
          <input
            type="checkbox"
            data-testid="report-reveal"
            checked={reveal}
            onChange={(e) => setReveal(e.currentTarget.checked)}
          />
          Include the token unmasked
        </label>
        <button
          type="button"
          data-testid="report-copy"
          onClick={() =>
            void copyText(text).then((ok) =>
              setCopied(ok ? 'Copied.' : 'The browser refused the clipboard: select the text and copy it by hand.'),
            )
          }
        >
          Copy
        </button>
        {copied && (
          <span role="status" class="muted">
            {copied}
          </span>
        )}
      </footer>
    </dialog>
  );
}
