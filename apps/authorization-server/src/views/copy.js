// Copy-to-clipboard for the "API token created" page, loaded as an external script because the
// CSP forbids inline script. Progressive enhancement only: without it the token still sits in a
// read-only field the user can select and copy by hand; the button stays hidden until this runs.
for (const button of document.querySelectorAll('button[data-copy-target]')) {
  const field = document.getElementById(button.getAttribute('data-copy-target') ?? '');
  const status = document.getElementById(button.getAttribute('data-copy-status') ?? '');
  if (!(field instanceof HTMLInputElement)) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    field.focus();
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = 'Copied to the clipboard.';
    } catch {
      if (status)
        status.textContent = 'Copy did not work here: the token is selected, press Ctrl+C or ⌘C.';
    }
  });
}
