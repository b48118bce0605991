using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Timescales;
using Safeguard.Web.Pages.Shared;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.StrategyDiscussions.New;

/// <summary>One person who took part, as typed.</summary>
public sealed class ParticipantRow
{
    [Display(Name = "Agency")]
    public string? Agency { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Role")]
    public string? Role { get; set; }
}

/// <summary>The strategy discussion form: when, who took part, who did not and why, what was shared, the decision, the actions.</summary>
public sealed class StrategyForm : IActionsForm
{
    public const int ParticipantRows = 6;
    public const int ActionRows = 3;
    private const string P = "Form.";

    [Display(Name = "Date it was held", Description = "For example, 27 3 2027")]
    public GovUkDate HeldOn { get; set; } = new();

    [Display(Name = "Time it started", Description = "For example, 09:30 or 14:15")]
    public string? HeldTime { get; set; }

    public List<ParticipantRow> Participants { get; set; } = [];

    [Display(Name = "Why did the police not take part?", Description = "Only if nobody from the police took part")]
    public string? PoliceAbsentReason { get; set; }

    [Display(Name = "Why did health not take part?", Description = "Only if nobody from health took part")]
    public string? HealthAbsentReason { get; set; }

    [Display(Name = "Why did education not take part?", Description = "Only if nobody from education took part")]
    public string? EducationAbsentReason { get; set; }

    [Display(Name = "Information shared", Description = "What each agency knew about the child and the family.")]
    public string? InformationShared { get; set; }

    [Display(Name = "Is a section 47 enquiry needed?")]
    public string? Section47 { get; set; }

    [Display(Name = "Reasons for the decision")]
    public string? DecisionReasons { get; set; }

    public List<ActionRow> Actions { get; set; } = [];

    public static IReadOnlyList<SelectListItem> AgencyItems { get; } =
        [new("Choose the agency", ""), .. Enum.GetValues<Agency>().Select(a => new SelectListItem(a.Words(), a.ToString()))];

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    /// <summary>Now (UK local time, to the minute), the recorder from children's social care in the first row, empty rows.</summary>
    public static StrategyForm Start(DateTimeOffset now, string recorderName, Guid recorderId)
    {
        var local = TimeZoneInfo.ConvertTime(now, WorkingDayCalendar.UkTime);
        var form = new StrategyForm
        {
            HeldOn = GovUkDate.From(DateOnly.FromDateTime(local.DateTime)),
            HeldTime = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            Participants = [new ParticipantRow { Agency = nameof(Agency.ChildrensSocialCare), Name = recorderName, Role = "Social worker" }],
        };
        form.Pad(recorderId);
        return form;
    }

    /// <summary>Enough empty rows for people and actions without JavaScript, and never more than the service takes.</summary>
    public void Pad(Guid ownerId)
    {
        Participants = Participants.Take(Core.Enquiries.StrategyDiscussions.MaxParticipants).ToList();
        while (Participants.Count < ParticipantRows) Participants.Add(new ParticipantRow());
        Actions = Actions.Take(Core.Enquiries.StrategyDiscussions.MaxActions).ToList();
        while (Actions.Count < ActionRows) Actions.Add(new ActionRow { OwnerId = ownerId.ToString() });
    }

    public StrategyDiscussionInput Read(Guid personId, ModelStateDictionary state)
    {
        var heldAt = HeldForms.ReadHeldAt(HeldOn, HeldTime, state, P + nameof(HeldOn), P + nameof(HeldTime), "the strategy discussion");
        var participants = Participants.Take(Core.Enquiries.StrategyDiscussions.MaxParticipants).Select((row, i) =>
            new ParticipantInput(HeldForms.ReadEnum<Agency>(row.Agency, state, $"{P}Participants[{i}].Agency", $"Select the agency of person {i + 1}"),
                row.Name, row.Role)).ToList();
        bool? section47 = Section47 switch { "yes" => true, "no" => false, _ => null };
        var actions = HeldForms.ReadActions(Actions, Core.Enquiries.StrategyDiscussions.MaxActions, state, P)
            .Select(a => new StrategyActionInput(a.What, a.DueOn, a.OwnerId)).ToList();
        return new StrategyDiscussionInput(personId, heldAt, participants, PoliceAbsentReason, HealthAbsentReason, EducationAbsentReason,
            InformationShared, section47, DecisionReasons, actions);
    }
}
