// Copies text to the clipboard: the async Clipboard API, else the older copy command some webviews still need.

/** Whether `text` reached the clipboard; false when the page is not allowed to copy. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (doc.defaultView?.navigator.clipboard) {
      await doc.defaultView.navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no permission, no user gesture, insecure context): the copy command may still work.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const active = doc.activeElement as HTMLElement | null;
  doc.body.appendChild(area);
  area.select();
  let copied: boolean;
  try {
    // Deprecated, but the only way left in webviews without the Clipboard API.
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  active?.focus();
  return copied;
}
