namespace Safeguard.Core.Returns.AnnexA;

/// <summary>What the returns page shows of an export: everything but the workbook itself.</summary>
public sealed record AnnexAJobView(Guid Id, DateOnly From, DateOnly To, AnnexAJobStatus Status, string? CurrentList, int CurrentRows,
    DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, int? Rows, string? Failure)
{
    public bool IsFinished => Status is AnnexAJobStatus.Ready or AnnexAJobStatus.Failed;

    /// <summary>How far it has got, in words for the page and for screen readers.</summary>
    public string Progress => Status switch
    {
        AnnexAJobStatus.Waiting => "Waiting to start",
        AnnexAJobStatus.Running when CurrentList is null => "Starting",
        AnnexAJobStatus.Running => $"Writing {CurrentList}: {CurrentRows:N0} rows so far",
        AnnexAJobStatus.Ready => $"Ready: {Rows:N0} rows in all",
        _ => Failure ?? "The export stopped",
    };
}
