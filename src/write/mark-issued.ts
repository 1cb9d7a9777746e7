// Says in meeting.md that the report is issued: `status: issued` in its frontmatter, every other byte as it was.

/** meeting.md's text with `status: issued`: the `status:` line changed, else a line added after `issued:` (or at the end). */
export function markIssued(text: string): string {
  const open = /^(\uFEFF?---[ \t]*\r?\n)/.exec(text);
  if (!open) return text;
  const start = open[0].length;
  const close = /^---[ \t]*(\r?\n|$)/m;
  const rest = text.slice(start);
  const end = close.exec(rest);
  if (!end) return text;
  const block = rest.slice(0, end.index);
  const newline = /\r\n/.test(block) ? '\r\n' : '\n';
  const status = /^status:.*$/m;
  let changed: string;
  if (status.test(block)) changed = block.replace(status, 'status: issued');
  else {
    const issued = /^issued:.*(\r?\n|$)/m.exec(block);
    changed = issued
      ? `${block.slice(0, issued.index + issued[0].length)}${issued[1] ? '' : newline}status: issued${newline}${block.slice(issued.index + issued[0].length)}`
      : `${block}${block === '' || block.endsWith('\n') ? '' : newline}status: issued${newline}`;
  }
  return text.slice(0, start) + changed + rest.slice(end.index);
}
