using Safeguard.Core.Data;

namespace Safeguard.Core.Oversight.Flow;

/// <summary>
/// One stage (or one partner's API referrals) judged on one working day: written once, so a day is checked once, and
/// its id is the subject of the alert it raised.
/// </summary>
public sealed class FlowCheck
{
    public const int KeyMaxLength = 80;

    private FlowCheck() { }

    public FlowCheck(FlowStage stage, Guid? organisationId, FlowDay judged, DateTimeOffset checkedAt)
    {
        Id = NewId.Next();
        Key = KeyOf(judged.Day, stage, organisationId);
        Day = judged.Day;
        Stage = stage;
        OrganisationId = organisationId;
        Count = judged.Count;
        Usual = judged.Usual;
        Expected = judged.Expected;
        Status = judged.Status;
        CheckedAt = checkedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Day, stage and organisation in one unique value: a second instance checking the same day is refused.</summary>
    public string Key { get; private set; } = "";

    public DateOnly Day { get; private set; }
    public FlowStage Stage { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public int Count { get; private set; }
    public double? Usual { get; private set; }
    public double? Expected { get; private set; }
    public FlowStatus Status { get; private set; }
    public DateTimeOffset CheckedAt { get; private set; }

    public static string KeyOf(DateOnly day, FlowStage stage, Guid? organisationId) =>
        organisationId is { } org ? $"{day:yyyy-MM-dd} {stage} {org:N}" : $"{day:yyyy-MM-dd} {stage}";
}
