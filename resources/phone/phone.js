// The phone page works without this file: it only saves a few taps and
// says when the round closes without waiting for a reload.
'use strict';

// A second tap on Send while the first is on its way sends nothing twice.
document.addEventListener('submit', (event) => {
  const button = event.target.querySelector('button[type="submit"]');
  if (button) {
    window.setTimeout(() => {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    }, 0);
  }
});

// The list of answers follows the round: once the facilitator closes it,
// the page says so (read by a screen reader from the live region).
const watched = document.querySelector('[data-state]');
if (watched) {
  const poll = () => {
    fetch(watched.dataset.state, { cache: 'no-store', credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((state) => {
        if (state && !state.open) {
          watched.textContent = watched.dataset.closed;
          watched.className = 'closed';
          document.querySelectorAll('.answers a').forEach((link) => link.removeAttribute('href'));
          window.clearInterval(timer);
        }
      })
      .catch(() => {});
  };
  const timer = window.setInterval(poll, 5000);
}
