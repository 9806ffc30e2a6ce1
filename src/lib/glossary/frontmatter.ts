/**
 * Reads a glossary file's frontmatter at config time, where Astro's content layer is not
 * available yet. The files keep to a strict subset: every line is `key: <JSON value>`. That
 * is valid YAML too, so Astro's own loader reads the same values; anything else is an error
 * here instead of a silent difference.
 */
export function parseGlossaryFile(text: string, file = 'glossary file'): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: expected frontmatter between --- lines at the top.`);
  const data: Record<string, unknown> = {};
  for (const [i, line] of match[1]!.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const kv = /^([A-Za-z][\w-]*):\s*(.+)$/.exec(line);
    if (!kv) throw new Error(`${file}: frontmatter line ${i + 1} is not "key: <JSON value>": ${line}`);
    try {
      data[kv[1]!] = JSON.parse(kv[2]!);
    } catch {
      throw new Error(`${file}: the value of "${kv[1]}" is not JSON (quote strings with "): ${kv[2]}`);
    }
  }
  return { data, body: match[2]! };
}
