/**
 * Resolves with the element `find` returns once the page has rendered it (Odoo renders forms a moment
 * after the URL changes), or null when `signal` aborts first.
 *
 * It looks when the page is idle rather than on every DOM mutation: a subtree MutationObserver makes the
 * browser record every node Odoo inserts while it renders, which measurably slowed Odoo's first render
 * (npm run bench). Idle checks cost nothing while the page is busy and still find the form within a frame
 * or two of Odoo finishing.
 */
const IDLE_TIMEOUT_MS = 500;

function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 50);
  return () => clearTimeout(handle);
}

export function waitForElement<T extends Element>(find: () => T | null, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    let cancel = () => {};
    const look = () => {
      if (signal.aborted) return;
      const element = find();
      if (element) resolve(element);
      else cancel = whenIdle(look);
    };
    cancel = whenIdle(look);
    signal.addEventListener(
      'abort',
      () => {
        cancel();
        resolve(null);
      },
      { once: true },
    );
  });
}
