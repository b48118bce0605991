using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Attachments;

/// <summary>
/// The default store: the bytes in the <c>AttachmentContents</c> table, added to the same save as the attachment's row
/// and its event, so the file, the row and the event are committed together or not at all; backed up with the database.
/// </summary>
public sealed class DatabaseAttachmentStore(SafeguardDbContext db) : IAttachmentStore
{
    public const string StoreName = "Database";

    public string Name => StoreName;

    public async Task<string> SaveAsync(Stream content, CancellationToken ct = default)
    {
        byte[] bytes;
        if (content is MemoryStream memory && memory.Position == 0) bytes = memory.ToArray();
        else
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, ct);
            bytes = copy.ToArray();
        }
        var key = NewId.Next().ToString("N");
        db.AttachmentContents.Add(new AttachmentContent(key, bytes));
        return key;
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.Key == key).Select(c => c.Content).SingleOrDefaultAsync(ct);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }
}
