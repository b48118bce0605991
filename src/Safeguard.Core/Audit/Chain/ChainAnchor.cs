using System.Globalization;

namespace Safeguard.Core.Audit.Chain;

public enum AnchorKind
{
    /// <summary>Written by the sealer after a run that advanced the chain.</summary>
    Seal,

    /// <summary>Written by an operator (`safeguard audit anchor reset`) to accept the chain as it now is, after a restore.</summary>
    Reset,
}

/// <summary>
/// The chain's head as it was at a moment, kept outside the events table (<see cref="ChainAnchorFile"/>): its position,
/// the hash there, when, and which machine wrote it. One line of text:
/// <c>v1 seal 1234 &lt;64 hex digits&gt; 2026-12-04T12:30:05.1234567Z host/4242</c>, a reset line ending with its reason.
/// </summary>
public sealed record ChainAnchor(AnchorKind Kind, long Position, byte[] Hash, DateTimeOffset At, string Instance, string? Reason = null)
{
    private const string Version = "v1";

    public string ToLine()
    {
        var line = string.Join(' ', Version, Kind == AnchorKind.Seal ? "seal" : "reset",
            Position.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(Hash),
            At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), OneWord(Instance));
        return Reason is null ? line : line + " " + OneLine(Reason);
    }

    /// <summary>The anchor a line holds, or null with why not (a line cut short, edited, or not an anchor at all).</summary>
    public static ChainAnchor? Parse(string line, out string? problem)
    {
        var parts = line.Split(' ', 7);
        problem = parts switch
        {
            { Length: < 6 } => "it has fewer than the six parts of an anchor (version, kind, position, hash, time, instance)",
            [not Version, ..] => $"it does not start with \"{Version}\"",
            [_, not ("seal" or "reset"), ..] => $"its kind \"{parts[1]}\" is neither seal nor reset",
            [_, _, var p, ..] when !long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"its position \"{p}\" is not a number",
            [_, _, _, var h, ..] when h.Length != ChainLink.HashLength * 2 || !h.All(char.IsAsciiHexDigit) => "its hash is not 64 hex digits",
            [_, _, _, _, var t, ..] when !DateTimeOffset.TryParseExact(t, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) => $"its time \"{t}\" is not a time",
            [_, "reset", _, _, _, _] => "it is a reset with no reason",
            _ => null,
        };
        if (problem is not null) return null;
        return new ChainAnchor(parts[1] == "seal" ? AnchorKind.Seal : AnchorKind.Reset,
            long.Parse(parts[2], CultureInfo.InvariantCulture), Convert.FromHexString(parts[3]),
            DateTimeOffset.ParseExact(parts[4], "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), parts[5],
            parts.Length == 7 ? parts[6] : null);
    }

    private static string OneWord(string text) => text.Length == 0 ? "-" : string.Concat(text.Select(c => char.IsWhiteSpace(c) ? '_' : c));

    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}
