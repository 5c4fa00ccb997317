import { render } from 'preact';
import { App } from './App.tsx';
import { applyTheme, currentTheme, followTheme } from './theme.ts';

applyTheme(currentTheme());
followTheme(applyTheme);
const root = document.getElementById('app');
if (root) render(<App />, root);
