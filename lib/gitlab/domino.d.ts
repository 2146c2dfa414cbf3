// Turndown's own HTML parser for places without a DOM (the background service worker has no DOMParser).
declare module '@mixmark-io/domino' {
  const domino: { createDocument(html?: string, force?: boolean): Document };
  export default domino;
}
