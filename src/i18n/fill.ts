// Fills the `{name}` slots of a catalogue template.

/** Values are inserted as they are: a `$` or a brace in a place name or committee name is never read as syntax. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
