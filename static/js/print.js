// Print buttons on printable notices: <button data-print hidden> opens the print dialog.
// The button stays hidden without JavaScript; the browser's own print command still works.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
