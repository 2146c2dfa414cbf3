/**
 * Mounts a React element in its own shadow root at the end of the page's body: the host page's CSS cannot
 * reach it and ours cannot leak out. Tied to the content script's lifetime (removed when it is invalidated).
 *
 * Written out rather than WXT's createShadowRootUi: that one brings anchoring, auto-mount and CSS loading we do
 * not use (about 2 KB gzip in each content script, which npm run bench holds to 100 KB).
 */
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ContentScriptContext } from '#imports';
import { SHADOW_CSS } from './theme';

export interface ShadowUi {
  /** Unmounts React and takes the element off the page; safe to call twice. */
  remove(): void;
}

export function mountInShadowRoot(ctx: ContentScriptContext, name: string, element: ReactElement): ShadowUi {
  const host = document.createElement(name);
  // Open: what it shows is the page's own ticket data, which a closed root would not hide from the page,
  // and end-to-end tests reach into open roots only.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = SHADOW_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.body.append(host);
  const root = createRoot(container);
  root.render(element);

  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    root.unmount();
    host.remove();
  };
  ctx.onInvalidated(remove);
  return { remove };
}
