// Requests the tracker's fetch/XHR patch never reaches: a beacon, a form post, a WebSocket, an
// EventSource and fetches made inside Web Workers (one answering the page's message, one loaded from
// its own file fetching on its own timer). Each row should name its mechanism.

const WORKER_SOURCE = `self.onmessage = async (e) => {
  try { const r = await fetch(e.data); await r.text(); self.postMessage('worker fetch ' + r.status); }
  catch (err) { self.postMessage('worker fetch failed ' + err); }
};`;

function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function runUnreachable(log: (line: string) => void): Promise<void> {
  const api = (path: string) => new URL(path, location.href).href;

  log(`beacon queued: ${navigator.sendBeacon(api('/api/beacon'), 'x')}`);

  const frame = document.createElement('iframe');
  frame.name = 'form-target';
  frame.hidden = true;
  document.body.append(frame);
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = api('/api/form');
  form.target = 'form-target';
  document.body.append(form);
  const posted = new Promise<void>((r) => frame.addEventListener('load', () => r(), { once: true }));
  form.submit();
  await Promise.race([posted, wait(3000)]);
  log('form posted');

  await new Promise<void>((resolve) => {
    const ws = new WebSocket(api('/api/socket').replace(/^http/, 'ws'));
    const done = () => resolve();
    ws.addEventListener('error', done);
    ws.addEventListener('close', done);
    setTimeout(done, 3000);
  });
  log('websocket tried');

  await new Promise<void>((resolve) => {
    const es = new EventSource(api('/api/events'));
    const done = () => {
      es.close();
      resolve();
    };
    es.addEventListener('error', done);
    es.addEventListener('message', done);
    setTimeout(done, 3000);
  });
  log('event source tried');

  const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
  const reply = await new Promise<string>((resolve) => {
    worker.onmessage = (e) => resolve(String(e.data));
    worker.postMessage(api('/api/users/42/preferences'));
    setTimeout(() => resolve('worker fetch timed out'), 5000);
  });
  worker.terminate();
  log(reply);

  const timerWorker = new Worker(new URL('./audit-worker.ts', import.meta.url), { type: 'module' });
  log(
    await new Promise<string>((resolve) => {
      timerWorker.onmessage = (e) => resolve(String(e.data));
      setTimeout(() => resolve('timer worker fetch timed out'), 5000);
    }),
  );
  timerWorker.terminate();
}
