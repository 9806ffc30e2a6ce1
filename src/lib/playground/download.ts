import type { ExampleMeta } from '../examples/metadata.ts';

/**
 * What a download holds: the reader's code, with a PEP 723 block on top when the example needs
 * packages and the code lost its block, so `uv run file.py` installs them.
 */
const PEP723_START = /^# \/\/\/ script\s*$/m;

export type DownloadMeta = Pick<ExampleMeta, 'dependencies' | 'requiresPython'>;

export function pep723Header(meta: DownloadMeta): string {
  const lines = ['# /// script'];
  lines.push(`# requires-python = "${meta.requiresPython ?? '>=3.11'}"`);
  lines.push(`# dependencies = [${meta.dependencies.map((d) => JSON.stringify(d)).join(', ')}]`);
  lines.push('# ///');
  return lines.join('\n') + '\n';
}

export function downloadText(code: string, meta: DownloadMeta): string {
  const body = code.endsWith('\n') ? code : `${code}\n`;
  if (meta.dependencies.length === 0 || PEP723_START.test(code)) return body;
  return `${pep723Header(meta)}\n${body}`;
}

/** `02-asyncio-basics/gather.py` -> `gather.py`; a reader's name -> a safe file name. */
export function downloadName(nameOrPath: string): string {
  const base = nameOrPath.split('/').pop() ?? nameOrPath;
  const stem = base.replace(/\.py$/i, '').replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^_+|_+$/g, '');
  return `${stem || 'playground'}.py`;
}

/** How to run a file locally: `uv run` when it declares packages, plain `python3` otherwise. */
export function runCommand(fileName: string, meta: DownloadMeta): string {
  return meta.dependencies.length > 0 ? `uv run ${fileName}` : `python3 ${fileName}`;
}

/** Saves text as a file through a temporary object URL (browser only). */
export function saveFile(fileName: string, text: string, type = 'text/x-python;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
