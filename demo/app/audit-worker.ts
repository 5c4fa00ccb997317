// A Worker loaded from its own script file that fetches on its own timer, not in answer to a
// message: nothing in its request's stack points back at the page.
setTimeout(() => {
  fetch('/api/users/42/settings')
    .then((r) => r.text().then(() => postMessage(`timer worker fetch ${r.status}`)))
    .catch((err: unknown) => postMessage(`timer worker fetch failed ${String(err)}`));
}, 50);
