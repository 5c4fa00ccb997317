import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuditStore } from '../../../core/audit/audit-store.ts';
import type { CaptureInfo } from '../../../shared/protocol.ts';
import { downloadText } from '../../components/download.ts';
import { copyText } from '../../components/copy-text.ts';
import { plural } from './format.ts';
import { exportFileName } from '../../state/report-input.ts';
import { useModel } from '../../state/model.ts';

interface Props {
  store: AuditStore;
  capture: CaptureInfo | null;
}

const STATUS_MS = 4000;

/** Copy report (Markdown), Save JSON and Show report; exports mask the token. */
export function ExportButtons({ store, capture }: Props) {
  const requestsUi = useModel().ui.requests;
  const [status, setStatus] = useState<{ text: string; bad: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const say = (text: string, bad = false) => {
    setStatus({ text, bad });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(null), STATUS_MS);
  };
  const empty = store.size === 0;
  // The reports carry the backend side too (tagging per endpoint, linked errors) once a search ran.
  const linking = useModel().linking;

  const copy = async () => {
    const ok = await copyText(linking.markdownReport(false));
    if (ok) say(`Report copied: ${plural(store.size, 'request')}, token masked.`);
    else {
      say('The browser refused the clipboard: copy the report from this window.', true);
      requestsUi.reportOpen.value = true;
    }
  };
  const save = () => {
    const name = exportFileName(capture?.pageUrl ?? '');
    downloadText(name, linking.jsonReport(false));
    say(`Saved ${name}: ${plural(store.size, 'request')}, token masked.`);
  };

  return (
    <div class="exports" role="group" aria-label="Export">
      <button
        type="button"
        data-testid="copy-report"
        disabled={empty}
        title="Copy a Markdown report for a ticket"
        onClick={() => void copy()}
      >
        Copy report
      </button>
      <button
        type="button"
        data-testid="save-json"
        disabled={empty}
        title="Download every request and verdict as JSON"
        onClick={save}
      >
        Save JSON
      </button>
      <button
        type="button"
        data-testid="show-report"
        disabled={empty}
        title="Show the Markdown report"
        onClick={() => (requestsUi.reportOpen.value = true)}
      >
        Show report
      </button>
      {status && (
        <span class={`export-status${status.bad ? ' bad' : ''}`} data-testid="export-status" role="status">
          {status.text}
        </span>
      )}
    </div>
  );
}
