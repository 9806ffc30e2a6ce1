import { encodeShare, MAX_SHARE_CHARS, shareFragment } from '../../lib/playground/share.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

/** Builds a link carrying the code in its fragment, copies it, and shows it for copying by hand. */
export function ShareButton(props: {
  strings: PlaygroundStrings;
  example: string | undefined;
  getCode: () => string;
  onLink: (url: string, copied: boolean) => void;
  notify: (text: string) => void;
}) {
  const share = async () => {
    const payload = await encodeShare(props.getCode());
    if (payload.length > MAX_SHARE_CHARS) {
      props.notify(props.strings.shareTooLong);
      return;
    }
    const url = `${location.origin}${location.pathname}${shareFragment(payload, props.example)}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      /* shown for copying by hand */
    }
    props.onLink(url, copied);
  };
  return <ToolButton icon="share" label={props.strings.share} hint={props.strings.shareHint} onClick={() => void share()} />;
}
