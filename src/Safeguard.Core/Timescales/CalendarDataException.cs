namespace Safeguard.Core.Timescales;

/// <summary>
/// The bank-holiday data could not be read. The message names the source (file path or embedded resource) and,
/// where the fault is on one line, the line number and what was wrong with it.
/// </summary>
public sealed class CalendarDataException : Exception
{
    public CalendarDataException(string source, int? lineNumber, string problem)
        : base(lineNumber is { } line
            ? $"Bank holiday data '{source}' line {line}: {problem}"
            : $"Bank holiday data '{source}': {problem}")
    {
        Source = source;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file path or resource name the data came from.</summary>
    public new string Source { get; }

    /// <summary>1-based line number of the faulty line, or null when the fault is with the file as a whole.</summary>
    public int? LineNumber { get; }

    /// <summary>What was wrong, without the source and line prefix.</summary>
    public string Problem { get; }
}
