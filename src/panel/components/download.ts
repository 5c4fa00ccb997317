/** Saves `text` as a file through a Blob and an `<a download>`: no downloads permission needed. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the time the click returns; keep the URL a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
