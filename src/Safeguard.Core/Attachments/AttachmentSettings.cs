namespace Safeguard.Core.Attachments;

/// <summary>Where attached files are kept and what is accepted (settings section <c>Attachments</c>, docs/attachments.md).</summary>
public sealed class AttachmentSettings
{
    public const string Section = "Attachments";

    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary><c>Database</c> (the default) or <c>Folder</c>; a council's own store is named by its <see cref="IAttachmentStore.Name"/>.</summary>
    public string Store { get; set; } = DatabaseAttachmentStore.StoreName;

    /// <summary>The directory the folder store writes to (needed when <see cref="Store"/> is <c>Folder</c>).</summary>
    public string? Folder { get; set; }

    /// <summary>The largest file accepted, in bytes: a file of exactly this size is accepted.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The extensions accepted (without the dot); each must be one Safeguard can check (<see cref="AttachmentTypes.Known"/>). Empty: all of those.</summary>
    public List<string> AllowedTypes { get; set; } = [];
}
