/**
 * Control Center content script: on pages of the configured Control Center origin whose URL holds a car
 * or reservation id (the configured patterns), shows the start-status repair button. Follows in-page
 * navigation. The repair itself runs in the background (Firebase never loads here).
 */
import type { ContentScriptContext } from '#imports';
import { controlCenterIds } from '@/lib/control-center/url-patterns';
import { isControlCenterOrigin } from '@/lib/configured-origins';
import { followSettings, useSettings } from '@/components/useSettings';
import { mountInShadowRoot, type ShadowUi } from '@/components/shadow-ui';
import { RepairButton } from './RepairButton';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  async main(ctx: ContentScriptContext) {
    await followSettings();
    const { settings } = useSettings.getState();
    if (!isControlCenterOrigin(settings, location.origin)) return;

    let ui: ShadowUi | null = null;
    const follow = async (url: string) => {
      ui?.remove();
      ui = null;
      const ids = controlCenterIds(url, useSettings.getState().settings.controlCenter.patterns);
      if (!ids) return;
      ui = mountInShadowRoot(ctx, 'support-overlay-repair', <RepairButton ids={ids} />);
    };
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void follow(event.newUrl.href));
    void follow(location.href);
  },
});
