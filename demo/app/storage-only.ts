import { readDemoConfig } from './config.ts';

// No tracker on this page: only what an earlier tracker left in sessionStorage.
const config = readDemoConfig();
const root = document.getElementById('app');
if (config.storage) {
  sessionStorage.setItem('__openreplay_token', config.storage.token);
  sessionStorage.setItem('__openreplay_token_version', config.storage.version);
  if (root) {
    const line = document.createElement('p');
    line.append('sessionStorage.__openreplay_token (', config.storage.format, ' format) = ');
    const code = document.createElement('code');
    code.dataset.testid = 'stored-token';
    code.textContent = config.storage.token;
    line.append(code);
    root.append(line);
  }
}
