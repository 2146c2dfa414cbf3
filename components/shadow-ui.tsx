/**
 * Mounts a React element in its own shadow root at the end of the page's body: the host page's CSS cannot
 * reach it and ours cannot leak out. Tied to the content script's lifetime (removed when it is invalidated).
 */
import type { ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { SHADOW_CSS } from './theme';

export type ShadowUi = ShadowRootContentScriptUi<Root>;

export async function mountInShadowRoot(ctx: ContentScriptContext, name: string, element: ReactElement): Promise<ShadowUi> {
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: SHADOW_CSS,
    onMount(container) {
      const root = createRoot(container);
      root.render(element);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return ui;
}
