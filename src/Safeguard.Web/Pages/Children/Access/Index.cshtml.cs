using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Children.Access;

/// <summary>
/// Who may see a child's record. A manager restricts it (and holds its access list); the holders add and remove
/// names and lift the restriction. Every change needs a reason and is recorded. Someone not on a restricted child's
/// list gets "not found", as everywhere else; someone on it who does not hold it sees the list but cannot change it.
/// </summary>
public sealed class IndexModel(AccessLists lists, NeedToKnow needToKnow, SafeguardDbContext db) : PageModel
{
    public const string See = "see";
    public const string Hold = "hold";

    public string PersonName { get; private set; } = "";
    public AccessListView List { get; private set; } = default!;
    public bool Holds => List.Holds(User.UserId());
    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OnList => [new("Select a person", ""), .. List.Entries.Select(e => new SelectListItem(e.Name, e.UserId.ToString()))];

    public static readonly IReadOnlyList<SelectListItem> AddAsItems =
    [
        new("They can see the record", See),
        new("They can see the record and hold the list (managers only)", Hold),
    ];

    [BindProperty, Display(Name = "Why does this record need to be restricted?",
        Description = "For example, the child is a relative of a member of staff. Only people on the access list will see it.")]
    public string? RestrictReason { get; set; }

    [BindProperty, Display(Name = "Person to add")]
    public Guid? AddUserId { get; set; }

    [BindProperty, Display(Name = "What can they do?")]
    public string? AddAs { get; set; }

    [BindProperty, Display(Name = "Why do they need to see this record?")]
    public string? AddReason { get; set; }

    [BindProperty, Display(Name = "Person to remove")]
    public Guid? RemoveUserId { get; set; }

    [BindProperty, Display(Name = "Why are you removing them?")]
    public string? RemoveReason { get; set; }

    [BindProperty, Display(Name = "Why can the restriction be lifted?", Description = "Everyone whose role lets them see children's records will see it again.")]
    public string? LiftReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestrictAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        Reason(nameof(RestrictReason), RestrictReason, "Enter why the record needs to be restricted");
        if (!ModelState.IsValid) return this.PageWithErrors();
        return await DoneAsync(id, await lists.RestrictAsync(id, RestrictReason!), nameof(RestrictReason), "Record restricted. You hold its access list.");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Holds) return Forbid();
        ModelState.Clear();
        if (AddUserId is null) ModelState.AddModelError(nameof(AddUserId), "Select the person to add");
        if (AddAs is not (See or Hold)) ModelState.AddModelError(nameof(AddAs), "Select what they can do");
        Reason(nameof(AddReason), AddReason, "Enter why they need to see this record");
        if (!ModelState.IsValid) return this.PageWithErrors();
        return await DoneAsync(id, await lists.AddAsync(id, AddUserId!.Value, AddAs == Hold, AddReason!), nameof(AddUserId), "Added to the access list");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Holds) return Forbid();
        ModelState.Clear();
        if (RemoveUserId is null) ModelState.AddModelError(nameof(RemoveUserId), "Select the person to remove");
        Reason(nameof(RemoveReason), RemoveReason, "Enter why you are removing them");
        if (!ModelState.IsValid) return this.PageWithErrors();
        return await DoneAsync(id, await lists.RemoveAsync(id, RemoveUserId!.Value, RemoveReason!), nameof(RemoveUserId), "Removed from the access list");
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Holds) return Forbid();
        ModelState.Clear();
        Reason(nameof(LiftReason), LiftReason, "Enter why the restriction can be lifted");
        if (!ModelState.IsValid) return this.PageWithErrors();
        return await DoneAsync(id, await lists.LiftAsync(id, LiftReason!), nameof(LiftReason), "Restriction lifted");
    }

    private async Task<IActionResult> DoneAsync(Guid id, AccessChange change, string field, string success)
    {
        if (change == AccessChange.Done)
        {
            TempData["Success"] = success;
            return RedirectToPage(new { id });
        }
        if (change == AccessChange.NotHolder) return Forbid();
        ModelState.AddModelError(change switch
        {
            AccessChange.CannotHold => nameof(AddAs),
            _ => field,
        }, change switch
        {
            AccessChange.AlreadyRestricted => "This record is already restricted",
            AccessChange.NotRestricted => "This record is not restricted",
            AccessChange.AlreadyOnList => "This person is already on the access list",
            AccessChange.NotOnList => "This person is not on the access list",
            AccessChange.UnknownUser => "Select a person who has an account that is not disabled",
            AccessChange.CannotHold => "Only a manager can hold the list: choose \"They can see the record\"",
            AccessChange.LastHolder => "Someone must hold the list: add another holder before removing this one",
            _ => "The access list could not be changed",
        });
        await LoadAsync(id);
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (!await needToKnow.CheckAsync(id, "the access list")) return false;
        var name = await ChildName.OfLiveRecordAsync(db, id);
        if (name is null || await lists.ViewAsync(id) is not { } list) return false;
        PersonName = name;
        List = list;
        var onList = list.Entries.Select(e => e.UserId).ToHashSet();
        Staff = [new("Select a person", ""), .. (await lists.StaffAsync())
            .Where(s => !onList.Contains(s.Id))
            .Select(s => new SelectListItem(s.JobTitle is null ? s.Name : $"{s.Name} ({s.JobTitle})", s.Id.ToString()))];
        return true;
    }

    private void Reason(string key, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) ModelState.AddModelError(key, message);
        else if (value.Length > PersonAccessGrant.MaxReasonLength)
            ModelState.AddModelError(key, $"The reason must be {PersonAccessGrant.MaxReasonLength:N0} characters or fewer");
    }
}
