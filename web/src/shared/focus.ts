// A form that puts the cursor in its first field once shown (sign-in, join, the member form) must not
// take it from a field someone is already typing in: their next keys would land in the first field
// (a tag typed into the name: 张伟技术).

/** Whether the focus is in a field that takes text or a choice, other than `target`. */
function typingElsewhere(target?: Element | null): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || active === target) return false;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active instanceof HTMLElement && active.isContentEditable);
}

/** Focuses `element` unless the person is typing in another field. */
export function focusUnlessTyping(element: HTMLElement | null | undefined): void {
  if (element && !typingElsewhere(element)) element.focus();
}
