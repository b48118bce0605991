// Progressive enhancement for an Annex A export: ask how far it has got every few seconds and say it in the status
// line; when it has finished, load the page again to show the download (or why it stopped). Without JavaScript,
// "Check progress" does the same by hand.
const POLL_MS = 3000
const line = document.querySelector('[data-annex-a-progress]')

if (line) {
  const check = document.querySelector('[data-testid="check"]')
  if (check) check.hidden = true
  const poll = async () => {
    try {
      const response = await fetch(line.getAttribute('data-annex-a-progress'), { credentials: 'same-origin' })
      if (response.ok) {
        const state = await response.json()
        if (state.finished) {
          window.location.reload()
          return
        }
        if (line.textContent !== state.progress) line.textContent = state.progress
      }
    } catch {
      // A missed answer is asked again at the next turn.
    }
    setTimeout(poll, POLL_MS)
  }
  setTimeout(poll, POLL_MS)
}
