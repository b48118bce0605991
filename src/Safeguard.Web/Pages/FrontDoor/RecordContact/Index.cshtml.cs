using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Pages.FrontDoor.Shared;

using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.FrontDoor.RecordContact;

/// <summary>
/// Record a contact on one page: the children (linked to known records), the referrer and the concern. Started from a
/// child's record (<c>?child=</c>), the first child is that child, already linked (restricted from the reader: 404).
/// </summary>
public sealed class IndexModel(ContactIntake intake, PersonCandidates finder, SafeguardDbContext db, TimeProvider time,
    Core.People.Access.NeedToKnow needToKnow) : ContactFormPageModel
{
    public override bool IsPartner => false;

    public async Task<IActionResult> OnGetAsync(Guid? child)
    {
        ReceivedFields.DefaultToNow(Form, time.GetUtcNow());
        if (child is not { } id) return Page();
        var person = await db.People.AsNoTracking().Where(p => p.Id == id && p.MergedIntoPersonId == null)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber }).SingleOrDefaultAsync();
        if (person is null || !await needToKnow.CheckAsync(id, "the contact page")) return NotFound();
        var form = Form.Children[0];
        (form.GivenName, form.FamilyName, form.NhsNumber) = (person.GivenName, person.FamilyName, person.NhsNumber);
        if (person.DateOfBirth is { } dob) form.DateOfBirth = Safeguard.Web.TagHelpers.GovUkDate.From(dob);
        var candidates = await finder.FindCandidatesAsync(new NewChild(LinkChoice.NotChosen, person.GivenName, person.FamilyName, person.DateOfBirth,
            null, Safeguard.Core.People.Sex.Unknown, person.NhsNumber, null, null, null, null), max: 5);
        if (candidates.Any(c => c.PersonId == id))
        {
            form.PersonId = id.ToString();
            Candidates = new Dictionary<int, IReadOnlyList<PersonCandidateView>> { [0] = candidates };
        }
        return Page();
    }

    /// <summary>
    /// Candidates for one child as the worker types (fetched by contact-candidates.js). The same list the
    /// "Check for existing records" button shows without JavaScript.
    /// </summary>
    public async Task<IActionResult> OnGetCandidatesAsync(int child, string? givenName, string? familyName, string? day, string? month,
        string? year, string? nhsNumber, string? postcode)
    {
        if (child is < 0 or >= ContactFormValidator.MaxChildren) return BadRequest();
        var dob = new Safeguard.Web.TagHelpers.GovUkDate { Day = day, Month = month, Year = year };
        if ((familyName ?? "").Trim().Length < 2 || (!dob.TryGetDate(out var date) && (nhsNumber ?? "").Trim().Length < 10))
        {
            return Content("", "text/html");
        }
        var query = new NewChild(LinkChoice.NotChosen, Clip(givenName), Clip(familyName), dob.TryGetDate(out date) ? date : null, null,
            Safeguard.Core.People.Sex.Unknown, Clip(nhsNumber), null, null, Clip(postcode), null);
        var candidates = await finder.FindCandidatesAsync(query, max: 5);
        return Partial("/Pages/FrontDoor/Shared/_ChildCandidates.cshtml", new ChildCandidates(child, candidates, null));
    }

    private static string Clip(string? value) => Core.Text.Clip.ToLength((value ?? "").Trim(), 100);

    public async Task<PageResult> OnPostFindAsync(int find)
    {
        ModelState.Clear();
        var candidates = new Dictionary<int, IReadOnlyList<PersonCandidateView>>();
        if (find >= 0 && find < Form.Children.Count)
        {
            var c = Form.Children[find];
            c.DateOfBirth.TryGetDate(out var dob);
            var query = new NewChild(LinkChoice.NotChosen, c.GivenName ?? "", c.FamilyName ?? "", c.DateOfBirth.IsEmpty ? null : dob, null,
                Safeguard.Core.People.Sex.Unknown, c.NhsNumber, c.AddressLine1, c.Town, c.Postcode, c.School);
            candidates[find] = await finder.FindCandidatesAsync(query, max: 5);
        }
        Candidates = candidates;
        return Page();
    }

    /// <summary>Shows again the records offered for each child that was offered some, so a choice can still be made.</summary>
    private async Task OfferAgainAsync()
    {
        var candidates = new Dictionary<int, IReadOnlyList<PersonCandidateView>>();
        for (var i = 0; i < Math.Min(Form.Children.Count, ContactFormValidator.MaxChildren); i++)
        {
            var c = Form.Children[i];
            if (string.IsNullOrWhiteSpace(c.Offered)) continue;
            c.DateOfBirth.TryGetDate(out var dob);
            var query = new NewChild(LinkChoice.NotChosen, c.GivenName ?? "", c.FamilyName ?? "",
                c.DateOfBirth.IsEmpty ? null : dob, null, Safeguard.Core.People.Sex.Unknown, c.NhsNumber, c.AddressLine1, c.Town, c.Postcode, c.School);
            candidates[i] = await finder.FindCandidatesAsync(query, max: 5);
        }
        Candidates = candidates;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var now = time.GetUtcNow();
        var chosen = await LinkedRecord.ForAsync(db, ContactFormValidator.ChosenIds(Form));
        var contact = ContactFormValidator.Validate(Form, ModelState, ContactChannel.FrontDoor, null, ContactContentRule.Today(now), chosen, now);
        if (contact is null)
        {
            await OfferAgainAsync();
            return this.PageWithErrors();
        }
        var recorded = await intake.RecordOnceAsync(contact with { SubmissionKey = SubmissionKey });
        TempData["Success"] = recorded.AlreadyRecorded
            ? $"Contact {recorded.Reference} was already recorded from this form. It has not been recorded twice"
            : $"Contact {recorded.Reference} recorded";
        return RedirectToPage("/FrontDoor/Decide/Index", new { id = recorded.Id });
    }
}
