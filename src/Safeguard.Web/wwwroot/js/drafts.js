// Keeps a draft of a long form on the server as the worker types (docs/drafts.md): forms marked data-draft post their
// fields to /drafts a moment after the last keystroke. Without JavaScript the form's "Save draft" button does the same.
(function () {
  var form = document.querySelector('form[data-draft]')
  if (!form || !window.fetch || !window.FormData) return
  var status = form.querySelector('[data-draft-status]')
  var timer = null
  function save () {
    fetch('/drafts?form=' + encodeURIComponent(form.getAttribute('data-draft')), {
      method: 'POST',
      body: new FormData(form),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      if (status && response.ok) {
        var now = new Date()
        status.textContent = 'Draft saved at ' + now.toTimeString().slice(0, 5)
      }
    }).catch(function () {})
  }
  form.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(save, 1500)
  })
})()
