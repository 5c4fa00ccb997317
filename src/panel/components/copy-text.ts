/**
 * Puts text on the clipboard from a DevTools panel. The async Clipboard API is often refused in
 * DevTools' extension frames (no focus, permissions policy), so the old selection + execCommand
 * path goes first: it works synchronously inside the click that asked for it.
 */
export async function copyText(text: string): Promise<boolean> {
  if (copyWithSelection(text)) return true;
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'copy-buffer';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  previous?.focus();
  return ok;
}
