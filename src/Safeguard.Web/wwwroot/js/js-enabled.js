// Loaded as the first thing in <body> (a file, not inline, so the Content-Security-Policy needs no 'unsafe-inline').
// GOV.UK Frontend styles some components differently once JavaScript is known to be available.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
