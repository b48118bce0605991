using System.Text.RegularExpressions;
using Safeguard.Core.Data;

namespace Safeguard.Core.Attachments;

/// <summary>
/// Keeps each file in a configured directory under a name the store makes up (32 hexadecimal digits), never the user's
/// file name, so no upload can choose where it is written. A file is written to a temporary name, flushed to disk and
/// then moved into place, so a file under its key is always whole.
/// </summary>
public sealed partial class FolderAttachmentStore : IAttachmentStore
{
    public const string StoreName = "Folder";

    private readonly string _folder;

    public FolderAttachmentStore(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("The attachments folder (Attachments:Folder) is not set.", nameof(folder));
        _folder = Path.GetFullPath(folder);
    }

    public string Name => StoreName;

    public async Task<string> SaveAsync(Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(_folder);
        var key = NewId.Next().ToString("N");
        var temporary = Path.Combine(_folder, $"{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, PathOf(key)!, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (path is null || !File.Exists(path)) return Task.FromResult<Stream?>(null);
        return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));
    }

    /// <summary>The file of a key the store made; null for anything else, so no key can reach outside the folder.</summary>
    private string? PathOf(string key) => Key().IsMatch(key) ? Path.Combine(_folder, key) : null;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Key();
}
