import browser from 'webextension-polyfill';

export type Theme = 'light' | 'dark';

/** Chromium says 'default' | 'dark', Firefox 'light' | 'dark'. */
export function normalizeTheme(name: string | undefined): Theme {
  return name === 'dark' ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  try {
    return normalizeTheme(browser.devtools?.panels?.themeName);
  } catch {
    return 'light';
  }
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

export function followTheme(onChange: (theme: Theme) => void): void {
  // Firefox only; Chromium reloads extension panels when the DevTools theme changes.
  const panels = browser.devtools?.panels as unknown as {
    onThemeChanged?: { addListener(cb: (n: string) => void): void };
  };
  panels?.onThemeChanged?.addListener((name) => onChange(normalizeTheme(name)));
}
