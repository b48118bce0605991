namespace Safeguard.Core.CaseWork;

/// <summary>A CIN census reason for closure and what it means.</summary>
public sealed record ClosureReason(string Code, string Words, bool AfterAssessment = false);

/// <summary>The CIN census reasons for closure, RC1 to RC9 (DfE CIN census 2025-26).</summary>
public static class ClosureReasons
{
    public static readonly IReadOnlyList<ClosureReason> All =
    [
        new("RC1", "Adopted"),
        new("RC2", "Died"),
        new("RC3", "Child arrangements order"),
        new("RC4", "Special guardianship order"),
        new("RC5", "Transferred to services of another local authority"),
        new("RC6", "Transferred to adult social care services"),
        new("RC7", "Services ceased for any other reason, including child no longer in need"),
        new("RC8", "Case closed after assessment, no further action", AfterAssessment: true),
        new("RC9", "Case closed after assessment, referred to early help", AfterAssessment: true),
    ];

    public static ClosureReason? Find(string? code) => All.FirstOrDefault(r => r.Code == code?.Trim().ToUpperInvariant());

    /// <summary>"RC8 Case closed after assessment, no further action", or the code alone when it is not on the list.</summary>
    public static string Describe(string? code) => Find(code) is { } reason ? $"{reason.Code} {reason.Words}" : code ?? "";
}
