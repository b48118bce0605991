using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Core.Operations;

/// <summary>
/// What a backup holds, read inside the backup's own snapshot: the migrations applied, the rows of every table and the
/// sequence of events. Written beside the backup (FILE.manifest.json); a restored database is checked against it.
/// </summary>
public sealed record DatabaseManifest(
    string Provider,
    DateTimeOffset TakenAt,
    IReadOnlyList<string> Migrations,
    IReadOnlyDictionary<string, long> Tables,
    EventSequence Events)
{
    public const string FileSuffix = ".manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The manifest's file for a backup file.</summary>
    public static string PathFor(string backupPath) => backupPath + FileSuffix;

    public long Rows => Tables.Values.Sum();

    public async Task WriteAsync(string path, CancellationToken ct)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    /// <exception cref="BackupInputException">The file is missing or is not a manifest.</exception>
    public static async Task<DatabaseManifest> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new BackupInputException($"There is no manifest {path}.");
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<DatabaseManifest>(stream, Json, ct)
                ?? throw new BackupInputException($"{path} is not a backup manifest.");
        }
        catch (JsonException ex)
        {
            throw new BackupInputException($"{path} is not a backup manifest: {ex.Message}");
        }
    }
}

/// <summary>
/// The events in id order, summed up: how many, the first and last id, and a SHA-256 over each event's id, type, time,
/// subject and actor, with the running digest kept every <see cref="EventSequenceReader.CheckpointEvery"/> events so
/// that a difference can be placed between two ids. An event missing, added, reordered or changed changes the digest.
/// </summary>
public sealed record EventSequence(long Count, long? FirstId, long? LastId, string Digest, IReadOnlyList<EventCheckpoint> Checkpoints);

/// <summary>The running digest after the event <paramref name="UpToId"/>, the <paramref name="Count"/>th in id order.</summary>
public sealed record EventCheckpoint(long UpToId, long Count, string Digest);
