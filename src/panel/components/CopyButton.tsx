import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from './copy-text.ts';

interface Props {
  text: string;
  /** What is copied, for screen readers: "Copy token". */
  label: string;
  testId?: string;
}

const SHOW_RESULT_MS = 2000;

export function CopyButton({ text, label, testId }: Props) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    const ok = await copyText(text);
    setResult(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setResult('idle'), SHOW_RESULT_MS);
  };

  return (
    <button
      type="button"
      class="copy-button"
      aria-label={result === 'idle' ? label : undefined}
      aria-live="polite"
      data-testid={testId}
      onClick={() => void onClick()}
    >
      {result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed: select and copy by hand' : 'Copy'}
    </button>
  );
}
