// Moving the focus for someone (a form that opens, a ballot that opens while they read) must not take
// it from a field they are typing in: their next keys would land in another field (a tag typed into
// the name: 张伟技术), or a motion half written would lose its cursor when a ballot opens.

/** Whether the focus is in a field that takes text or a choice, other than `target`. */
export function typingElsewhere(target?: Element | null): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || active === target) return false;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active instanceof HTMLElement && active.isContentEditable);
}

/** Focuses `element` unless the person is typing in another field. */
export function focusUnlessTyping(element: HTMLElement | null | undefined): void {
  if (element && !typingElsewhere(element)) element.focus();
}
