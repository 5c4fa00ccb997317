import browser, { type Runtime } from 'webextension-polyfill';
import { servePanelPort } from './panel-port.ts';

/**
 * The one place that holds credentials and talks to SumoLogic. Each panel connects with a port
 * (panel-port.ts serves it).
 */
browser.runtime.onConnect.addListener((port: Runtime.Port) => servePanelPort(port, browser.runtime.id));
