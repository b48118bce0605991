using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;

using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.People.Candidates;

/// <summary>
/// An HTML fragment of existing people who may be the child being described, for the contact page to fetch as the
/// worker types (progressive enhancement; the contact form works without it).
/// </summary>
public sealed class IndexModel(PersonCandidates people) : PageModel
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    [FromQuery(Name = "givenName")] public string? GivenName { get; set; }
    [FromQuery(Name = "familyName")] public string? FamilyName { get; set; }
    [FromQuery(Name = "dateOfBirth")] public string? DateOfBirth { get; set; }
    [FromQuery(Name = "nhsNumber")] public string? NhsNumber { get; set; }
    [FromQuery(Name = "postcode")] public string? Postcode { get; set; }

    public IReadOnlyList<PersonCandidateView> Candidates { get; private set; } = [];
    public List<(string Field, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(DateOfBirth))
        {
            if (DateOnly.TryParseExact(DateOfBirth.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dob = d;
            else Errors.Add(("dateOfBirth", "Date of birth must be a real date"));
        }
        if (!string.IsNullOrWhiteSpace(NhsNumber) && !Core.People.Identifiers.NhsNumber.TryParse(NhsNumber, out _))
            Errors.Add(("nhsNumber", "Enter a valid NHS number, like 485 777 3456"));
        foreach (var (name, value) in new[] { ("givenName", GivenName), ("familyName", FamilyName), ("postcode", Postcode) })
        {
            if (value is { Length: > 100 }) Errors.Add((name, "Must be 100 characters or fewer"));
        }
        if (Errors.Count > 0)
        {
            return this.PageWithErrors();
        }
        Candidates = await people.FindCandidatesAsync(new PersonQuery(GivenName, FamilyName, dob, NhsNumber, Postcode), 5);
        return Page();
    }
}
