export default defineBackground(() => {
  // Message handlers are registered here (see lib/messaging.ts).
});
