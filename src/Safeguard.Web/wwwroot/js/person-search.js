// Progressive enhancement for "Find a child" (the search page and the home page): shows results as the user types by
// fetching the server-rendered results fragment and swapping it in. Without JavaScript the GET form does the same search.
(function () {
  var form = document.querySelector('form[data-live-search]')
  if (!form || !window.fetch) return
  var input = form.querySelector('input[name="q"]')
  var endpoint = form.getAttribute('data-live-search')
  var timer = null
  var latest = 0

  function search () {
    var query = input.value.trim()
    var ticket = ++latest
    fetch(endpoint + '&q=' + encodeURIComponent(query), { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null })
      .then(function (html) {
        if (html === null || ticket !== latest) return
        var current = document.getElementById('search-results')
        if (!current) return
        var holder = document.createElement('div')
        holder.innerHTML = html
        var fresh = holder.querySelector('#search-results')
        if (fresh) current.replaceWith(fresh)
        // On the search page the address keeps the search; elsewhere (the home page) the page stays as it is.
        if (window.history && window.history.replaceState && form.getAttribute('action') === location.pathname) {
          window.history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname)
        }
      })
      .catch(function () { /* the form still works */ })
  }

  input.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(search, 250)
  })
})()
