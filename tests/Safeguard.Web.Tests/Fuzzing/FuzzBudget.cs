using CsCheck;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>
/// How many inputs one run sends and from which seed. SAFEGUARD_FUZZ_INPUTS is the total per database (shared by forms,
/// pages and the API); SAFEGUARD_FUZZ_SEED replays a run (a failure prints the seed of the failing input, which CsCheck
/// also takes as CsCheck_Seed). See docs/fuzzing.md.
/// </summary>
public static class FuzzBudget
{
    /// <summary>The suite's default, in CI too: 10,000 a database (about two minutes each on a quiet machine; docs/fuzzing.md).</summary>
    public const int DefaultInputs = 10_000;

    public static int Inputs =>
        int.TryParse(Environment.GetEnvironmentVariable("SAFEGUARD_FUZZ_INPUTS"), out var n) && n > 0 ? n : DefaultInputs;

    /// <summary>Fixed unless asked otherwise, so that every run sends the same inputs and a failure is found again.</summary>
    public static string Seed =>
        Environment.GetEnvironmentVariable("SAFEGUARD_FUZZ_SEED") is { Length: > 0 } seed ? seed : new PCG(20261204, 20261204).ToString();

    /// <summary>SAFEGUARD_FUZZ_SURVEY=1: go on after a failure and list every one at the end (for fixing, not for CI).</summary>
    public static bool Survey => Environment.GetEnvironmentVariable("SAFEGUARD_FUZZ_SURVEY") == "1";

    public static int Forms => Inputs / 2;
    public static int Pages => Inputs / 4;
    public static int Api => Inputs - Forms - Pages;
}
