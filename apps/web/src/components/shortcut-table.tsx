/** A workspace's keyboard shortcuts, as shown before the first item and in the help panel. */
export type Shortcut = { keys: string; action: string };

export function ShortcutTable({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return (
    <table className="mt-4 text-sm">
      <caption className="mb-1 text-left font-semibold">Keyboard shortcuts</caption>
      <tbody>
        {shortcuts.map((s) => (
          <tr key={s.keys}>
            <td className="pr-4 align-top">
              <kbd className="font-mono">{s.keys}</kbd>
            </td>
            <td>{s.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
