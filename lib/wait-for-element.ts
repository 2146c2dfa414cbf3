/**
 * Resolves with the element `find` returns once the page has rendered it (Odoo renders forms a moment
 * after the URL changes), or null when `signal` aborts first. Watches DOM mutations rather than polling.
 */
export function waitForElement<T extends Element>(find: () => T | null, signal: AbortSignal, root: Node = document): Promise<T | null> {
  const found = find();
  if (found || signal.aborted) return Promise.resolve(signal.aborted ? null : found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const element = find();
      if (element) {
        observer.disconnect();
        resolve(element);
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      resolve(null);
    });
  });
}
