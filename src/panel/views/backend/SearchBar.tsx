interface Props {
  refusal: string | null;
  running: boolean;
  onSearch: () => void;
  onCancel: () => void;
}

/** Search and Cancel; when a search is not possible, the button is disabled and the reason shown beside it. */
export function SearchBar({ refusal, running, onSearch, onCancel }: Props) {
  return (
    <div class="search-bar">
      <button
        type="button"
        class="primary"
        data-testid="search-button"
        disabled={refusal !== null || running}
        aria-describedby={refusal !== null ? 'search-refusal' : undefined}
        onClick={onSearch}
      >
        Search SumoLogic
      </button>
      {running && (
        <button type="button" data-testid="cancel-button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {refusal !== null && (
        <p class="notice notice-warn refusal" id="search-refusal" data-testid="search-refusal" role="status">
          {refusal}
        </p>
      )}
    </div>
  );
}
