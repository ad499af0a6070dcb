// "Copy link" on an article: copies the page's canonical address and says so in a live region.
// ShareLinks.astro shows the button where the Clipboard API exists and loads this module when the
// reader points at or focuses it; a click that came before the module sets data-clicked, and the
// copy then happens as soon as the module runs (still within the click's user activation).
const button = document.querySelector<HTMLButtonElement>('[data-copy-link]');
if (button) {
  const status = document.createElement('output');
  button.after(status);
  const copy = () =>
    navigator.clipboard
      .writeText(document.querySelector<HTMLLinkElement>('link[rel=canonical]')!.href)
      .then(() => (status.value = 'Link copied'));
  button.onclick = copy;
  if (button.dataset.clicked !== undefined) copy();
}
