using Safeguard.Core.Audit;

namespace Safeguard.Core.Attachments;

/// <summary>A document was attached to the child's record (or one step of it): its name, what the worker said it is, its size and SHA-256.</summary>
public sealed record AttachmentAdded(Guid AttachmentId, string FileName, string? Description, string ContentType, long Size, string Sha256,
    AttachmentStepKind? StepKind = null, Guid? StepId = null) : IEvent
{
    public static string Name => "attachment.added";

    public string Describe() => $"Document attached: {FileName}" + (string.IsNullOrEmpty(Description) ? "" : $" ({Description})");
}

/// <summary>Someone downloaded a document attached to the child's record: a reading, audited, not a change.</summary>
public sealed record AttachmentDownloaded(Guid AttachmentId, string FileName) : IEvent, IRecordsAReading
{
    public static string Name => "attachment.downloaded";

    public string Describe() => $"Document downloaded: {FileName}";
}
