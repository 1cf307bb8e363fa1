// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary after a failed form submission, so screen readers announce it at once.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
});
