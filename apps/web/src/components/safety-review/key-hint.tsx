/**
 * The key beside a control. Hidden from assistive technology: the control's name stays its label
 * (aria-keyshortcuts on the control announces the key instead).
 */
export function KeyHint({ children, className = "text-zinc-500" }: { children: string; className?: string }) {
  return (
    <kbd aria-hidden className={`ml-1.5 text-xs ${className}`}>
      {children}
    </kbd>
  );
}
