using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.Allocation;
using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;
using Safeguard.Web.Pages.FrontDoor.Shared;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Allocation.Shared;

/// <summary>
/// The allocation discussion as typed on the allocate and reallocate pages (strings, so nothing typed is lost when the
/// page comes back with an error). Bound as <c>Form</c>.
/// </summary>
public sealed class DiscussionForm
{
    /// <summary>Reallocation only: why the case is moving (<see cref="ReallocationReasonKind"/>).</summary>
    [Display(Name = "Why is the case moving to another worker?")]
    public string? ReallocationReason { get; set; }

    [Display(Name = "Say more about why")]
    public string? ReallocationDetail { get; set; }

    /// <summary>Rows for agreed actions shown to begin with (more with "Add another action", which needs no JavaScript).</summary>
    public const int FirstRows = 3;

    [Display(Name = "Date of the discussion")]
    public GovUkDate DiscussedOn { get; set; } = new();

    [Display(Name = "Time of the discussion")]
    public string? DiscussedTime { get; set; }

    [Display(Name = "Who will hold the case?")]
    public string? WorkerId { get; set; }

    [Display(Name = "What kind of case is it?")]
    public string? CaseKind { get; set; }

    public List<ActionRow> Actions { get; set; } = [];

    [Display(Name = "Risks discussed")]
    public string? Risks { get; set; }

    [Display(Name = "Anything else agreed (optional)")]
    public string? Notes { get; set; }

    [Display(Name = "Reason for overriding the competence rules")]
    public string? OverrideReason { get; set; }

    [Display(Name = "Reason for allocating beyond capacity")]
    public string? CapacityReason { get; set; }

    public static DiscussionForm Fresh(DateTimeOffset now, CaseKind kind) => new()
    {
        DiscussedOn = GovUkDate.From(TimeLimits.UkDay(now)),
        CaseKind = kind.ToString(),
        Actions = Enumerable.Range(0, FirstRows).Select(_ => new ActionRow()).ToList(),
    };

    /// <summary>Keeps at least the first rows, so a form posted with fewer still shows them.</summary>
    public void PadRows(int extra = 0)
    {
        while (Actions.Count < FirstRows) Actions.Add(new ActionRow());
        for (var i = 0; i < extra && Actions.Count < DiscussionRule.MaxActions; i++) Actions.Add(new ActionRow());
    }
}

public sealed class ActionRow
{
    [Display(Name = "What was agreed")]
    public string? What { get; set; }

    [Display(Name = "Due by")]
    public GovUkDate DueOn { get; set; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(What) && DueOn.IsEmpty;
}

/// <summary>Turns the typed form into a discussion (errors of form go into model state), and the service's errors back onto the fields.</summary>
public static class DiscussionFields
{
    private const string P = "Form.";

    /// <summary>
    /// The discussion, or null with errors added. Blank action rows are left out; <paramref name="rows"/> maps each
    /// action of the discussion back to its row on the page.
    /// </summary>
    public static (AllocationDiscussion? Discussion, CaseKind? Kind) Parse(DiscussionForm form, ModelStateDictionary state, Guid managerId,
        out List<int> rows)
    {
        rows = [];
        DateTimeOffset? at = null;
        if (form.DiscussedOn.IsEmpty) state.AddModelError(P + "DiscussedOn.Day", "Enter the date of the discussion");
        else if (!form.DiscussedOn.TryGetDate(out var day)) state.AddModelError(P + "DiscussedOn.Day", "The date of the discussion must be a real date");
        else if (string.IsNullOrWhiteSpace(form.DiscussedTime)) state.AddModelError(P + nameof(DiscussionForm.DiscussedTime), "Enter the time of the discussion");
        else if (ReceivedFields.ParseTime(form.DiscussedTime) is not { } time)
            state.AddModelError(P + nameof(DiscussionForm.DiscussedTime), "Enter the time as hours and minutes, like 09:30 or 14:15");
        else at = TimeLimits.UkLocal(day, time);

        Guid? worker = Guid.TryParse(form.WorkerId, out var w) ? w : null;
        if (worker is null) state.AddModelError(P + nameof(DiscussionForm.WorkerId), "Select the social worker who will hold the case");
        CaseKind? kind = Enum.TryParse<CaseKind>(form.CaseKind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) state.AddModelError(P + nameof(DiscussionForm.CaseKind), "Select what kind of case it is");

        var actions = new List<AgreedAction>();
        for (var i = 0; i < form.Actions.Count; i++)
        {
            var row = form.Actions[i];
            if (row.IsEmpty) continue;
            var ok = true;
            if (string.IsNullOrWhiteSpace(row.What)) { state.AddModelError(Key(i, "What"), "Enter what was agreed"); ok = false; }
            if (row.DueOn.IsEmpty) { state.AddModelError(Key(i, "DueOn.Day"), "Enter the day the action is due by"); ok = false; }
            else if (!row.DueOn.TryGetDate(out _)) { state.AddModelError(Key(i, "DueOn.Day"), "The day an action is due by must be a real date"); ok = false; }
            if (!ok) continue;
            row.DueOn.TryGetDate(out var due);
            actions.Add(new AgreedAction(row.What!, due));
            rows.Add(i);
        }
        if (!state.IsValid) return (null, kind);
        return (new AllocationDiscussion(at!.Value, managerId, worker!.Value, actions, form.Risks ?? "", form.Notes), kind);
    }

    /// <summary>Puts the service's errors beside the page's fields.</summary>
    public static void AddErrors(ModelStateDictionary state, IReadOnlyList<AllocationError> errors, IReadOnlyList<int> rows)
    {
        foreach (var error in errors)
        {
            state.AddModelError(KeyOf(error.Field, rows), error.Message);
        }
    }

    private static string KeyOf(string field, IReadOnlyList<int> rows)
    {
        if (field.Length == 0) return "";
        if (field == AllocationFields.DiscussedAt) return P + nameof(DiscussionForm.DiscussedTime);
        if (field.StartsWith("Actions[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 8
            && int.TryParse(field[8..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            var row = index < rows.Count ? rows[index] : 0;
            var part = field[(close + 2)..];
            return Key(row, part == "DueOn" ? "DueOn.Day" : part);
        }
        if (field == AllocationFields.Actions) return Key(0, "What");
        return P + field;
    }

    private static string Key(int row, string part) => $"{P}Actions[{row}].{part}";
}
