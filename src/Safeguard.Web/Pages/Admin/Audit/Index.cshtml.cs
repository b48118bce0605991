using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.People;
using Safeguard.Core.Records;
using Safeguard.Web.TagHelpers;

using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Audit;

/// <summary>Search the audit trail by person, user, date range and kind of event.</summary>
public sealed class IndexModel(AuditSearch audit, PersonRecords people, SafeguardDbContext db, Core.People.Access.NeedToKnow needToKnow) : PageModel
{
    [BindProperty(SupportsGet = true), Display(Name = "Person", Description = "Name, date of birth or NHS number")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "User")]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "Kind of event")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "From", Description = "For example, 27 3 2026")]
    public GovUkDate From { get; set; } = new();

    [BindProperty(SupportsGet = true), Display(Name = "To")]
    public GovUkDate To { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SelectListItem> UserItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KindItems { get; } =
        [new SelectListItem("Any kind", ""), .. EventCatalogue.Kinds.Select(k => new SelectListItem(k.Words, k.Name))];
    public AuditPage? Results { get; private set; }

    /// <summary>Names and words of entries about children (AuditDetailRule): only for readers who may audit children's records.</summary>
    public bool ChildDetail => User.Can(Core.Security.Permissions.AuditChildRecords) && User.Can(Core.Security.Permissions.ViewChildRecords);

    public async Task<IActionResult> OnGetAsync()
    {
        UserItems = [new SelectListItem("Any user", ""), .. await db.Users.OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.Email + ")", u.Id.ToString())).ToListAsync()];
        // A mangled page number in a pasted link is not the user's mistake: show the first page.
        if (ModelState.Remove(nameof(PageNumber))) PageNumber = 1;
        var searched = Request.Query.Count > 0;
        if (!searched) return Page();

        DateOnly? from = ReadDate(From, nameof(From));
        DateOnly? to = ReadDate(To, nameof(To));
        if (from is not null && to is not null && to < from) ModelState.AddModelError($"{nameof(To)}.Day", "The 'to' date must be the same as or after the 'from' date");
        if (Person is { Length: > 200 }) ModelState.AddModelError(nameof(Person), "Person must be 200 characters or fewer");
        if (!string.IsNullOrEmpty(Kind) && !EventCatalogue.IsKind(Kind)) ModelState.AddModelError(nameof(Kind), "Select a kind of event from the list");
        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        IReadOnlyCollection<Guid>? personIds = null;
        if (!ChildDetail) Person = null;
        if (!string.IsNullOrWhiteSpace(Person))
        {
            personIds = (await people.SearchAsync(Person, max: 100)).Select(p => p.Id).ToList();
        }
        Results = await audit.SearchAsync(new AuditQuery(personIds, UserId, from, to, Math.Max(1, PageNumber),
            Kind: string.IsNullOrEmpty(Kind) ? null : Kind, ChildDetail: ChildDetail));
        // Reading a child's audit trail is a view of the child's record.
        var shown = Results.Entries.Where(e => e is { PersonId: not null, Restricted: false })
            .Select(e => e.PersonId!.Value).ToList();
        await needToKnow.RecordListedAsync("the audit page", shown);
        return Page();
    }

    private DateOnly? ReadDate(GovUkDate date, string field)
    {
        if (date.IsEmpty) return null;
        if (date.TryGetDate(out var value))
        {
            if (Core.People.DateRules.RecordDateProblem(value, $"The '{field.ToLowerInvariant()}' date") is not { } problem) return value;
            ModelState.AddModelError(field, problem);
            return null;
        }
        ModelState.AddModelError($"{field}.Day", $"The '{field.ToLowerInvariant()}' date must be a real date");
        return null;
    }

    public string PageLink(int page)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        query["pageNumber"] = page.ToString();
        return "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
    }
}
