/**
 * Share links carry the code itself, compressed, in the URL fragment (`#code=...`): the part of
 * a URL that browsers never send to a server. Format: UTF-8 text -> deflate-raw (the browser's
 * CompressionStream) -> base64url without padding.
 */
export const SHARE_PARAM = 'code';
/** The example a shared code belongs to, when the page has more than one playground. */
export const SHARE_TARGET_PARAM = 'in';
/** Longest fragment payload accepted: links past this are cut by some chat and mail clients. */
export const MAX_SHARE_CHARS = 16_000;
/** Largest decompressed program accepted (guards against a tiny link that inflates to megabytes). */
export const MAX_SHARE_BYTES = 100_000;

export type ShareError = 'malformed' | 'too-large';

export class ShareLinkError extends Error {
  constructor(
    readonly kind: ShareError,
    message: string,
  ) {
    super(message);
  }
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlToBytes(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new ShareLinkError('malformed', 'the link holds characters that base64url does not use');
  }
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new ShareLinkError('malformed', 'the link is not valid base64url');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new ShareLinkError('too-large', `the shared code is larger than ${limit} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

export async function encodeShare(code: string): Promise<string> {
  const bytes = new TextEncoder().encode(code);
  const compressed = await readAll(
    streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>),
    Number.POSITIVE_INFINITY,
  );
  return bytesToBase64Url(compressed);
}

export async function decodeShare(payload: string): Promise<string> {
  if (payload.length === 0) throw new ShareLinkError('malformed', 'the link holds no code');
  if (payload.length > MAX_SHARE_CHARS) {
    throw new ShareLinkError('too-large', `the link is ${payload.length} characters long; at most ${MAX_SHARE_CHARS} are accepted`);
  }
  const compressed = base64UrlToBytes(payload);
  let bytes: Uint8Array;
  try {
    bytes = await readAll(
      streamOf(compressed).pipeThrough(
        new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>,
      ),
      MAX_SHARE_BYTES,
    );
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('malformed', 'the link does not hold compressed code');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('malformed', 'the shared code is not UTF-8 text');
  }
}

export interface ShareFragment {
  payload: string;
  /** Example id the code was shared from, if any. */
  target: string | undefined;
}

/** Reads `#code=...&in=...`; undefined when the fragment is not a share link. */
export function parseShareFragment(hash: string): ShareFragment | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get(SHARE_PARAM);
  if (payload === null) return undefined;
  return { payload, target: params.get(SHARE_TARGET_PARAM) ?? undefined };
}

export function shareFragment(payload: string, target?: string): string {
  // The payload is base64url: safe in a fragment as it is.
  const rest = target ? `&${SHARE_TARGET_PARAM}=${encodeURIComponent(target)}` : '';
  return `#${SHARE_PARAM}=${payload}${rest}`;
}
