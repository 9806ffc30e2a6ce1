/**
 * The site's Content-Security-Policy, sent as a `<meta http-equiv>` on every page (a static host
 * sends no headers of its own).
 *
 * It exists for the playgrounds: the reader's program runs in a Web Worker made from a blob: URL,
 * which inherits this policy (src/runtime/page.ts). So a program, even one that arrived in a share
 * link, can reach only the site itself: no fetch, XMLHttpRequest, WebSocket or module import to
 * another host, and no `eval` to build a way around that. Everything else on the site is ours and
 * same-origin: inline scripts (Astro, Starlight's theme switch), WebAssembly (Pyodide, Pagefind).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
