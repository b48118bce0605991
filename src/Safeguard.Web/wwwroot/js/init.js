// Progressive enhancement only: every page works without this file.
// Starts the GOV.UK Frontend components (error summary focus, button double-click guard, service navigation toggle...).
import { initAll } from '/govuk/govuk-frontend.min.js'

initAll()
