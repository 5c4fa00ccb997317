import type { DemoPageConfig } from '../page-config.ts';
import { CONFIG_ELEMENT_ID } from '../page-config.ts';

/** The runtime config the demo backend injected into this page. */
export function readDemoConfig(): DemoPageConfig {
  const text = document.getElementById(CONFIG_ELEMENT_ID)?.textContent;
  if (!text) throw new Error('demo config missing: open this page through the demo backend (npm start)');
  return JSON.parse(text) as DemoPageConfig;
}
