// Small helpers for the human (stderr) output of commands.

/** Two aligned columns: a label and its value. Empty labels continue the row above. */
export function table(rows: readonly (readonly [string, string])[]): string {
  const width = rows.reduce((widest, [label]) => Math.max(widest, label.length), 0) + 2;
  return `${rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n')}\n`;
}

/** Rows of cells padded to each column's widest cell: the first column left-aligned, the rest right-aligned (numbers). */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return `${rows.map(line).join('\n')}\n`;
}

/** 134217728 -> "128 MiB"; 1536 -> "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
