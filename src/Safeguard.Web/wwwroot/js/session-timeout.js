// The timeout warning (docs/operations.md, "Sessions"), after the HMRC/GOV.UK timeout warning pattern: a modal dialog
// "You're about to be signed out" shown shortly before the server ends an idle session, with "Stay signed in" and "Sign out".
// The server is the clock: it says how many seconds are left (its own clock, not this browser's), and it ends the session
// whatever this script does. Asking it (GET ?handler=status) does not count as activity; "Stay signed in" (POST) does.
(function () {
  var dialog = document.getElementById('session-timeout')
  if (!dialog || !window.fetch || typeof dialog.showModal !== 'function') return

  var statusUrl = dialog.getAttribute('data-status-url')
  var keepAliveForm = dialog.querySelector('form[data-keep-alive]')
  var countdown = dialog.querySelector('[data-countdown]')
  var announce = dialog.querySelector('[data-countdown-announce]')
  var warnSeconds = parseInt(dialog.getAttribute('data-warn-seconds'), 10) || 120
  var pollEvery = 60 * 1000
  var endsAt = null // in this browser's clock: now + the seconds the server said were left
  var lastPoll = 0
  var lastAnnounced = null
  var returnFocus = null
  var leaving = false

  function secondsLeft () { return endsAt === null ? null : Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)) }

  function words (seconds) {
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60)
      return minutes + (minutes === 1 ? ' minute' : ' minutes')
    }
    return seconds + (seconds === 1 ? ' second' : ' seconds')
  }

  function signedOut (why) {
    if (leaving) return
    leaving = true
    var back = window.location.pathname + window.location.search
    window.location.assign('/sign-in?ended=' + encodeURIComponent(why || 'idle') + '&ReturnUrl=' + encodeURIComponent(back))
  }

  function heard (response) {
    var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0
    if (!json) return signedOut()
    return response.json().then(function (body) {
      if (!response.ok) return signedOut(body && body.ended !== 'unknown' ? body.ended : null)
      endsAt = Date.now() + body.secondsLeft * 1000
      warnSeconds = body.warnSeconds || warnSeconds
      tick()
    })
  }

  function poll () {
    lastPoll = Date.now()
    return fetch(statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin', redirect: 'manual' })
      .then(heard)
      .catch(function () { /* the network is down: the next poll asks again; the server ends the session anyway */ })
  }

  function stay () {
    var token = keepAliveForm.querySelector('input[name="__RequestVerificationToken"]')
    lastPoll = Date.now()
    return fetch(keepAliveForm.getAttribute('action'), {
      method: 'POST',
      headers: { Accept: 'application/json', RequestVerificationToken: token ? token.value : '' },
      credentials: 'same-origin',
      redirect: 'manual'
    }).then(heard).then(close).catch(function () { keepAliveForm.submit() })
  }

  function say (seconds) {
    countdown.textContent = words(seconds)
    // Announced when the dialog opens, then every 20 seconds at most: a screen reader user can still act between them.
    if (lastAnnounced === null || lastAnnounced - seconds >= 20) {
      lastAnnounced = seconds
      announce.textContent = 'For your security, we will sign you out in ' + words(seconds) + '.'
    }
  }

  function open () {
    returnFocus = document.activeElement
    dialog.showModal()
    document.documentElement.classList.add('sg-timeout-dialog-open')
    keepAliveForm.querySelector('button').focus()
  }

  function close () {
    if (!dialog.open) return
    dialog.close()
    document.documentElement.classList.remove('sg-timeout-dialog-open')
    announce.textContent = ''
    lastAnnounced = null
    if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus()
  }

  function tick () {
    var left = secondsLeft()
    if (left === null || leaving) return
    if (left <= warnSeconds) {
      say(left)
      if (!dialog.open) open()
    } else {
      close() // another tab kept the session open
    }
    // At the end, the server decides: it has ended the session (and says why) or, by its clock, there is time left.
    if (left === 0 && Date.now() - lastPoll >= 5000) poll()
  }

  keepAliveForm.addEventListener('submit', function (event) {
    event.preventDefault()
    stay()
  })
  // Escape means "Stay signed in", not "close and be signed out unawares".
  dialog.addEventListener('cancel', function (event) {
    event.preventDefault()
    stay()
  })
  // Focus stays in the dialog: Tab from its last control goes to its first, Shift+Tab from its first to its last.
  dialog.addEventListener('keydown', function (event) {
    if (event.key !== 'Tab') return
    var controls = dialog.querySelectorAll('button, a[href], input:not([type="hidden"])')
    var first = controls[0]
    var last = controls[controls.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  })
  // A tab coming back into view (or a laptop waking) asks at once: the session may have been kept, or ended, meanwhile.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') poll()
  })

  setInterval(function () {
    if (Date.now() - lastPoll >= pollEvery) poll()
    else tick()
  }, 1000)
  poll()
})()
