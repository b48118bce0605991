// Progressive enhancement for "Record a contact": while the worker types a child's name and date of birth (or NHS
// number), ask the server which known children this might be and show them as choices, so nothing about a known
// child is typed twice. Without JavaScript, the "Check for existing records" button does the same.
const DELAY_MS = 400

for (const child of document.querySelectorAll('fieldset.sg-child[data-candidates-url]')) {
  const index = child.getAttribute('data-child-index')
  const target = child.querySelector('[data-candidates-for="' + index + '"]')
  const field = (name) => child.querySelector('[name="Form.Children[' + index + '].' + name + '"]')
  let timer = null
  let latest = 0

  const lookUp = async () => {
    const params = new URLSearchParams({
      child: index,
      givenName: field('GivenName')?.value ?? '',
      familyName: field('FamilyName')?.value ?? '',
      day: field('DateOfBirth.Day')?.value ?? '',
      month: field('DateOfBirth.Month')?.value ?? '',
      year: field('DateOfBirth.Year')?.value ?? '',
      nhsNumber: field('NhsNumber')?.value ?? '',
      postcode: field('Postcode')?.value ?? ''
    })
    const ticket = ++latest
    try {
      const response = await fetch(child.getAttribute('data-candidates-url') + '&' + params, { credentials: 'same-origin' })
      if (!response.ok || ticket !== latest) return
      const html = await response.text()
      if (!html.trim()) return
      // Keep a choice the worker already made if the same record is offered again.
      const chosen = child.querySelector('input[type=radio][name="Form.Children[' + index + '].PersonId"]:checked')?.value
      target.innerHTML = html
      if (chosen) {
        const again = target.querySelector('input[type=radio][value="' + chosen + '"]')
        if (again) again.checked = true
      }
    } catch {
      // The button still works.
    }
  }

  child.addEventListener('input', (event) => {
    // Only what identifies the child starts a look-up; choosing a candidate or the sex does not.
    if (!event.target.name || event.target.type === 'radio' || event.target.type === 'checkbox') return
    clearTimeout(timer)
    timer = setTimeout(lookUp, DELAY_MS)
  })
}
