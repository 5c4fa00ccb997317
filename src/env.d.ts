declare const __REPLAY_LINK_VERSION__: string;
declare const __REPLAY_LINK_DEMO__: boolean;
declare module '*.css';
declare module '*?raw' {
  const text: string;
  export default text;
}
