using System.Text;

namespace Safeguard.Core.Audit.Chain;

/// <summary>What an anchor file holds: the anchor to check the chain against, and the lines that could not be read.</summary>
/// <param name="Latest">The highest position anchored since the last reset (the reset itself included); null when none.</param>
/// <param name="Unreadable">"line N: why", for each line that is not an anchor (the others are still used).</param>
public sealed record AnchorReading(string Path, bool Exists, ChainAnchor? Latest, IReadOnlyList<string> Unreadable);

/// <summary>
/// An append-only file of <see cref="ChainAnchor"/> lines. Each append takes the file for itself (other processes, other
/// instances of Safeguard sharing the directory, wait for it), writes one whole line and flushes it to the disk before
/// letting go, so lines are never interleaved and an anchor written is an anchor kept.
/// </summary>
public sealed class ChainAnchorFile(string path)
{
    /// <summary>The file's name in the directory <c>AuditChain:AnchorPath</c> names.</summary>
    public const string FileName = "audit-chain.anchors";

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static ChainAnchorFile InDirectory(string directory) => new(System.IO.Path.Combine(directory, FileName));

    public async Task AppendAsync(ChainAnchor anchor, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var file = await OpenAsync(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, ct);
        // A line cut short by a crash is left as it is (verify reports it); the next anchor starts on a line of its own.
        var separate = file.Length > 0 && await LastByteAsync(file, ct) != (byte)'\n';
        file.Seek(0, SeekOrigin.End);
        var bytes = Encoding.UTF8.GetBytes((separate ? "\n" : "") + anchor.ToLine() + "\n");
        await file.WriteAsync(bytes, ct);
        file.Flush(flushToDisk: true);
    }

    /// <summary>The last readable anchor of the file (read from its end: cheap however long the file), or null.</summary>
    public async Task<ChainAnchor?> ReadLastAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return null;
        await using var file = await OpenAsync(FileMode.Open, FileAccess.Read, FileShare.ReadWrite, ct);
        for (var window = 4096L; ; window *= 4)
        {
            var start = Math.Max(0, file.Length - window);
            file.Seek(start, SeekOrigin.Begin);
            var buffer = new byte[file.Length - start];
            await file.ReadExactlyAsync(buffer, ct);
            var lines = Encoding.UTF8.GetString(buffer).Split('\n');
            // The first piece may be a line cut by the window: only trusted when the window reaches the file's start.
            for (var i = lines.Length - 1; i >= (start == 0 ? 0 : 1); i--)
            {
                if (ChainAnchor.Parse(lines[i].TrimEnd('\r'), out _) is { } anchor) return anchor;
            }
            if (start == 0) return null;
        }
    }

    /// <summary>Reads the whole file once, line by line (memory does not grow with it).</summary>
    public async Task<AnchorReading> ReadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return new AnchorReading(Path, false, null, []);
        ChainAnchor? latest = null;
        var unreadable = new List<string>();
        using var reader = new StreamReader(await OpenAsync(FileMode.Open, FileAccess.Read, FileShare.ReadWrite, ct), Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            if (ChainAnchor.Parse(line, out var problem) is not { } anchor)
            {
                if (unreadable.Count < 20) unreadable.Add($"line {number}: {problem}");
                continue;
            }
            // Sealers on several instances may append out of order: the highest position counts, until a reset starts again.
            if (anchor.Kind == AnchorKind.Reset || latest is null || anchor.Position >= latest.Position) latest = anchor;
        }
        return new AnchorReading(Path, true, latest, unreadable);
    }

    /// <summary>
    /// Opens the file, waiting while another process holds it: .NET takes a whole-file lock on Unix (exclusive for
    /// <see cref="FileShare.None"/>, shared otherwise) and refuses at once when it cannot.
    /// </summary>
    private async Task<FileStream> OpenAsync(FileMode mode, FileAccess access, FileShare share, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(Path, mode, access, share);
            }
            catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException) && waited.Elapsed < LockWait)
            {
                await Task.Delay(20, ct);
            }
        }
    }

    private static async Task<byte> LastByteAsync(FileStream file, CancellationToken ct)
    {
        file.Seek(-1, SeekOrigin.End);
        var one = new byte[1];
        await file.ReadExactlyAsync(one, ct);
        return one[0];
    }
}
