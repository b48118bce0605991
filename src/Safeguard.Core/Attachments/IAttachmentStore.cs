namespace Safeguard.Core.Attachments;

/// <summary>
/// Where the bytes of attached files are kept (docs/attachments.md): the database (the default), a folder, or a store a
/// council adds (an object store) by implementing this and registering it. Files are never deleted: the record is permanent.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>The store's name, as <c>Attachments:Store</c> chooses it and each attachment's row remembers it.</summary>
    string Name { get; }

    /// <summary>
    /// Keeps <paramref name="content"/> and returns the key it is kept under: one the store makes up, never the user's
    /// file name. The attachment's row is saved after this returns, so a store outside the database must have the bytes
    /// durably written by then (a file left with no row after a crash is harmless; a row with no file must never happen).
    /// The database store instead adds them to the pending changes, saved in the same transaction as the row.
    /// </summary>
    Task<string> SaveAsync(Stream content, CancellationToken ct = default);

    /// <summary>The bytes kept under <paramref name="key"/>, to read from the start; null when the store has none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);
}
