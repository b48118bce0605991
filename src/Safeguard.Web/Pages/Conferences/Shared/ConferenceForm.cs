using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Timescales;
using Safeguard.Web.Pages.Shared;
using Safeguard.Web.Pages.StrategyDiscussions.New;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Conferences.Shared;

/// <summary>The conference form, initial or review: when, the chair, who attended, the family, the decision and its reasons.</summary>
public sealed class ConferenceForm
{
    public const int AttendeeRows = 8;
    private const string P = "Form.";

    [Display(Name = "Date it was held", Description = "For example, 27 3 2027")]
    public GovUkDate HeldOn { get; set; } = new();

    [Display(Name = "Time it started", Description = "For example, 09:30 or 14:15")]
    public string? HeldTime { get; set; }

    [Display(Name = "Chair")]
    public string? ChairId { get; set; }

    public List<ParticipantRow> Attendees { get; set; } = [];

    [Display(Name = "How did the family take part?")]
    public string? FamilyAttendance { get; set; }

    [Display(Name = "Who from the family took part, or why they did not (optional)")]
    public string? FamilyAttendanceNotes { get; set; }

    /// <summary>"yes" or "no": a plan is needed (initial), the plan continues (review).</summary>
    public string? Plan { get; set; }

    [Display(Name = "Category of abuse")]
    public string? Category { get; set; }

    [Display(Name = "Why does the plan end?", Description = "Only if the plan ends")]
    public string? EndReason { get; set; }

    [Display(Name = "Reasons for the decision")]
    public string? DecisionReasons { get; set; }

    public static IReadOnlyList<SelectListItem> FamilyItems { get; } =
    [
        new("Attended", nameof(Core.Conferences.FamilyAttendance.Attended)),
        new("Attended part of the conference", nameof(Core.Conferences.FamilyAttendance.PartlyAttended)),
        new("Did not attend, but contributed in writing", nameof(Core.Conferences.FamilyAttendance.ContributedInWriting)),
        new("Did not attend", nameof(Core.Conferences.FamilyAttendance.DidNotAttend)),
    ];

    public static IReadOnlyList<SelectListItem> CategoryItems { get; } =
        [new("Choose the category", ""), .. Enum.GetValues<AbuseCategory>().Select(c => new SelectListItem(c.Words(), c.ToString()))];

    public static IReadOnlyList<SelectListItem> Chairs(IEnumerable<(Guid Id, string Name)> chairs) =>
        [new("Choose the chair", ""), .. chairs.Select(c => new SelectListItem(c.Name, c.Id.ToString()))];

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    /// <summary>Now (UK local time, to the minute), the child's worker from children's social care in the first row, empty rows.</summary>
    public static ConferenceForm Start(DateTimeOffset now, Guid? chairId, AbuseCategory? category)
    {
        var local = TimeZoneInfo.ConvertTime(now, WorkingDayCalendar.UkTime);
        var form = new ConferenceForm
        {
            HeldOn = GovUkDate.From(DateOnly.FromDateTime(local.DateTime)),
            HeldTime = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ChairId = chairId?.ToString(),
            Category = category?.ToString(),
        };
        form.Pad();
        return form;
    }

    /// <summary>Enough empty rows for people without JavaScript, and never more than the service takes.</summary>
    public void Pad()
    {
        Attendees = Attendees.Take(ConferenceRules.MaxAttendees).ToList();
        while (Attendees.Count < AttendeeRows) Attendees.Add(new ParticipantRow());
    }

    public ConferenceInput Read(ModelStateDictionary state)
    {
        var heldAt = HeldForms.ReadHeldAt(HeldOn, HeldTime, state, P + nameof(HeldOn), P + nameof(HeldTime), "the conference");
        var attendees = Attendees.Take(ConferenceRules.MaxAttendees).Select((row, i) =>
            new ParticipantInput(HeldForms.ReadEnum<Agency>(row.Agency, state, $"{P}Attendees[{i}].Agency", $"Select the agency of person {i + 1}"),
                row.Name, row.Role)).ToList();
        var family = HeldForms.ReadEnum<FamilyAttendance>(FamilyAttendance, state, P + nameof(FamilyAttendance), "Select how the family took part");
        var category = HeldForms.ReadEnum<AbuseCategory>(Category, state, P + nameof(Category), "Select the category of abuse");
        Guid? chair = Guid.TryParse(ChairId, out var c) ? c : null;
        bool? plan = Plan switch { "yes" => true, "no" => false, _ => null };
        return new ConferenceInput(heldAt, chair, attendees, family, FamilyAttendanceNotes, plan, plan == true ? category : null, DecisionReasons,
            plan == false ? EndReason : null);
    }

    /// <summary>Puts the service's errors on the form's fields; the held date and time share one message.</summary>
    public static void AddErrors(IReadOnlyList<(string Field, string Message)> errors, ModelStateDictionary state) =>
        HeldForms.AddErrors(errors, state, P, ConferenceFields.HeldAt);
}
