// Progressive enhancement for "Record a contact": while the worker types a child's name and date of birth (or NHS
// number), ask the server which known children this might be and show them as choices, so nothing about a known
// child is typed twice. Without JavaScript, the "Check for existing records" button does the same.
// Choosing a record fills in the child's details from it; what was typed is kept (sent as "as sent", and put back if
// the worker then chooses "None of these").
const DELAY_MS = 400
// The fields a chosen record fills in, and the data attribute on its radio that holds each value.
const FILLED = {
  GivenName: 'givenName',
  FamilyName: 'familyName',
  'DateOfBirth.Day': 'dobDay',
  'DateOfBirth.Month': 'dobMonth',
  'DateOfBirth.Year': 'dobYear',
  NhsNumber: 'nhsNumber',
  AddressLine1: 'addressLine1',
  Town: 'town',
  Postcode: 'postcode'
}

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

  // What the worker typed before a record filled the fields in, posted as "Form.Children[i].Typed".
  let typed = null
  const typedField = () => {
    let input = child.querySelector('input[type=hidden][name="Form.Children[' + index + '].Typed"]')
    if (!input) {
      input = document.createElement('input')
      input.type = 'hidden'
      input.name = 'Form.Children[' + index + '].Typed'
      child.appendChild(input)
    }
    return input
  }
  const setSex = (value) => {
    const radio = child.querySelector('input[type=radio][name="Form.Children[' + index + '].Sex"][value="' + value + '"]')
    if (radio) radio.checked = true
  }

  try {
    // After the server shows the form again, what was typed before a record was chosen is still in its hidden field.
    const kept = child.querySelector('input[type=hidden][name="Form.Children[' + index + '].Typed"]')?.value
    if (kept) typed = JSON.parse(kept)
  } catch {
    typed = null
  }

  child.addEventListener('change', (event) => {
    const radio = event.target
    if (radio.type !== 'radio' || radio.name !== 'Form.Children[' + index + '].PersonId') return
    if (radio.dataset.givenName !== undefined) {
      if (typed === null) {
        typed = {}
        for (const name of Object.keys(FILLED)) typed[name] = field(name)?.value ?? ''
        typed.Sex = child.querySelector('input[type=radio][name="Form.Children[' + index + '].Sex"]:checked')?.value ?? ''
        typedField().value = JSON.stringify(typed)
      }
      for (const [name, key] of Object.entries(FILLED)) {
        const input = field(name)
        if (input) input.value = radio.dataset[key] ?? ''
      }
      setSex(radio.dataset.sex)
    } else if (typed !== null) {
      for (const name of Object.keys(FILLED)) {
        const input = field(name)
        if (input) input.value = typed[name]
      }
      if (typed.Sex) setSex(typed.Sex)
      else child.querySelectorAll('input[type=radio][name="Form.Children[' + index + '].Sex"]').forEach((r) => { r.checked = false })
      typed = null
      typedField().value = ''
    }
  })

  child.addEventListener('input', (event) => {
    // Only what identifies the child starts a look-up; choosing a candidate or the sex does not.
    if (!event.target.name || event.target.type === 'radio' || event.target.type === 'checkbox') return
    clearTimeout(timer)
    timer = setTimeout(lookUp, DELAY_MS)
  })
}
