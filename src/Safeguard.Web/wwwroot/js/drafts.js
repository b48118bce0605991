// Keeps a draft of a long form on the server as the worker types (docs/drafts.md): forms marked data-draft post their
// fields to /drafts a moment after the last keystroke. Without JavaScript the form's "Save draft" button does the same.
(function () {
  var form = document.querySelector('form[data-draft]')
  if (!form || !window.fetch || !window.FormData) return
  var status = form.querySelector('[data-draft-status]')
  var timer = null
  var notKept = 'Draft not saved: you may have been signed out. Keep this page open, sign in again in a new tab, then type here again.'
  function say (text) { if (status) status.textContent = text }
  var saving = null
  var submitted = false
  function save () {
    saving = fetch('/drafts?form=' + encodeURIComponent(form.getAttribute('data-draft')), {
      method: 'POST',
      body: new FormData(form),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      // 204 is the only answer that means kept: after a time-out the sign-in page answers instead (200, redirected).
      if (response.status === 204) say('Draft saved at ' + new Date().toTimeString().slice(0, 5))
      else say(notKept)
    }).catch(function () { say(notKept) }).then(function () { saving = null })
  }
  form.addEventListener('input', function () {
    if (submitted) return
    clearTimeout(timer)
    timer = setTimeout(save, 1500)
  })
  // Once the form is sent, no draft may be saved after it: the server deletes the draft when the form is recorded, and a
  // save arriving later would bring back what was already recorded. A save still on its way is let finish first.
  form.addEventListener('submit', function (event) {
    clearTimeout(timer)
    submitted = true
    if (!saving) return
    event.preventDefault()
    var submitter = event.submitter
    saving.then(function () { form.requestSubmit(submitter) })
  })
})()
