using Safeguard.Core.Data;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>Where an Annex A export asked for on the returns page has got to.</summary>
public enum AnnexAJobStatus { Waiting, Running, Ready, Failed }

/// <summary>
/// One Annex A export asked for on the returns page. A large council's lists take tens of seconds, so the page does not
/// wait on them: the export runs in the background (<see cref="AnnexAJobs"/>), writes how far it has got here, and keeps
/// the finished workbook here for its requester to download, until <see cref="AnnexAJobs.KeptFor"/> has passed.
/// </summary>
public sealed class AnnexAJob
{
    private AnnexAJob() { }

    public AnnexAJob(Guid requestedBy, ReturnPeriod period, DateTimeOffset at)
    {
        Id = NewId.Next();
        RequestedBy = requestedBy;
        From = period.Start;
        To = period.ReferenceDate;
        RequestedAt = at;
        Status = AnnexAJobStatus.Waiting;
    }

    public const int ListNameMaxLength = 60, FailureMaxLength = 400;

    public Guid Id { get; private set; }
    public Guid RequestedBy { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public AnnexAJobStatus Status { get; private set; }

    /// <summary>The list being written (for example "List 3"), and the rows written to it so far.</summary>
    public string? CurrentList { get; private set; }
    public int CurrentRows { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Written every few seconds while it runs: a job whose process died stops beating and is started again.</summary>
    public DateTimeOffset? HeartbeatAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int? Rows { get; private set; }
    public string? Failure { get; private set; }
    public byte[]? Workbook { get; private set; }
}
