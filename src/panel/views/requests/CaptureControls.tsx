interface Props {
  preserveLog: boolean;
  onClear: () => void;
  onPreserveLog: (on: boolean) => void;
}

/** Clear and "Preserve log", as in DevTools' Network panel. */
export function CaptureControls({ preserveLog, onClear, onPreserveLog }: Props) {
  return (
    <div class="capture-controls" role="group" aria-label="Capture">
      <button
        type="button"
        class="icon"
        data-testid="clear-button"
        aria-label="Clear captured requests"
        title="Clear"
        onClick={onClear}
      >
        <span aria-hidden="true">⊘</span> Clear
      </button>
      <label class="check" title="Keep requests across page navigations">
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={preserveLog}
          onChange={(e) => onPreserveLog(e.currentTarget.checked)}
        />
        Preserve log
      </label>
    </div>
  );
}
