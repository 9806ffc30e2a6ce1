import { downloadName, downloadText, saveFile, type DownloadMeta } from '../../lib/playground/download.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

export function DownloadButton(props: { strings: PlaygroundStrings; fileName: string; meta: DownloadMeta; getCode: () => string }) {
  const download = () => saveFile(downloadName(props.fileName), downloadText(props.getCode(), props.meta));
  return <ToolButton icon="download" label={props.strings.download} hint={props.strings.downloadHint} onClick={download} />;
}
