import { defineConfig } from 'wxt';

// WXT sets NODE_ENV to the build mode; the sandbox build is the release code with test origins, so it
// compiles like production (JSX runtime, React's production build, same sizes).
if (process.env.NODE_ENV === 'sandbox') process.env.NODE_ENV = 'production';

/** Origins the sandbox build may reach without asking: the local stand-ins of `tests/sandbox`. */
const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Parallel work on one machine builds into separate folders (WXT_OUT_DIR=.output-mine).
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // The sandbox build is the release code with test origins: same production React, same sizes.
  // (WXT defines process.env.NODE_ENV as the mode, which would give the sandbox React's development build.)
  vite: ({ mode }) => ({
    plugins:
      mode === 'sandbox'
        ? [{ name: 'sandbox-is-production', enforce: 'post' as const, config: () => ({ define: { 'process.env.NODE_ENV': '"production"' } }) }]
        : [],
  }),
  manifest: ({ mode, manifestVersion, browser }) => ({
    name: 'Support Overlay',
    description: "Runs the support team's process over Odoo Helpdesk, GitLab and Control Center.",
    permissions: ['storage', 'scripting', 'downloads'],
    // The release build asks for company origins at runtime (settings); only the sandbox build
    // is pre-granted the loopback stand-ins so e2e tests never meet a permission prompt.
    host_permissions: mode === 'sandbox' ? SANDBOX_HOSTS : [],
    // MV2 (the Firefox build) has no optional_host_permissions: there optional hosts go in optional_permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // A fixed id keeps the add-on's storage across reinstalls and is needed for signing.
          id: 'support-overlay@support-team.example',
          // 140: first release with the data-collection consent below (and an ESR).
          strict_min_version: '140.0',
          // Nothing goes to the extension's makers or third parties: data moves only between the team's own
          // Odoo, GitLab and Firebase, at the engineer's click.
          data_collection_permissions: { required: ['none'] },
        },
        // Android got the consent key in 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', 'screenshots/**', 'bench/**', '.output/**'],
  },
});
